/** What a file column can be mapped to, and the headers Japanese and English HR exports use for each. */
export const importTargets = [
  'employeeNumber',
  'fullName',
  'familyName',
  'givenName',
  'fullNameKana',
  'familyNameKana',
  'givenNameKana',
  'formerNames',
  'email',
  'phone',
  'joinedOn',
  'leftOn',
  'lastDepartment',
  'lastTitle',
  'leaveReason',
  'wouldReturn',
  'eligibility',
  'contactConsent',
  'hrTags',
  'hrNotes',
] as const;
export type ImportTarget = (typeof importTargets)[number];
/** A mapping value: a built-in target, `custom:<key>`, or `ignore`. */
export type MappingValue = ImportTarget | `custom:${string}` | 'ignore';
export type ColumnMapping = Record<string, MappingValue>;

const headerPresets: Record<ImportTarget, string[]> = {
  employeeNumber: [
    '社員番号',
    '従業員番号',
    '社員コード',
    '社員ID',
    '社員No',
    'employee number',
    'employee id',
    'employee no',
    'emp no',
    'staff id',
  ],
  fullName: ['氏名', '名前', '氏名（漢字）', '漢字氏名', 'name', 'full name'],
  familyName: ['姓', '氏', 'family name', 'last name', 'surname'],
  givenName: ['名', 'given name', 'first name'],
  fullNameKana: [
    '氏名（フリガナ）',
    'フリガナ',
    'ふりがな',
    '氏名カナ',
    'カナ氏名',
    '氏名（カナ）',
    'reading',
    'furigana',
    'name kana',
    'name (kana)',
  ],
  familyNameKana: ['姓（フリガナ）', 'セイ', '姓カナ', 'family name kana', 'last name kana'],
  givenNameKana: ['名（フリガナ）', 'メイ', '名カナ', 'given name kana', 'first name kana'],
  formerNames: ['旧姓', '通称', '旧姓・通称', 'former name', 'maiden name', 'alias'],
  email: [
    '個人メールアドレス',
    'メールアドレス',
    '私用メールアドレス',
    'メール',
    'personal email',
    'email',
    'e-mail',
    'email address',
  ],
  phone: ['携帯電話番号', '電話番号', '連絡先電話番号', '個人電話番号', 'phone', 'mobile', 'phone number'],
  joinedOn: ['入社年月日', '入社日', 'join date', 'hire date', 'joined on', 'start date'],
  leftOn: ['退職年月日', '退職日', 'leave date', 'leaving date', 'left on', 'termination date', 'end date'],
  lastDepartment: ['最終所属', '退職時所属', '所属', '部署', 'last department', 'department'],
  lastTitle: ['最終役職', '退職時役職', '役職', 'last title', 'title', 'job title'],
  leaveReason: ['退職理由', '退職事由', 'leave reason', 'reason for leaving'],
  wouldReturn: ['再入社希望', '復職希望', '再入社の希望', 'would return', 'wants to return'],
  eligibility: ['再雇用可否', '再雇用区分', '再入社可否', 'rehire eligibility', 'eligible for rehire'],
  contactConsent: [
    '会社情報の案内希望',
    '案内希望',
    '情報提供の同意',
    '連絡同意',
    'contact consent',
    'consent',
  ],
  hrTags: ['タグ', 'tags'],
  hrNotes: ['備考', 'メモ', '人事メモ', 'notes', 'remarks'],
};

const headerKey = (header: string) =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-・]/g, '');

const presetIndex = new Map<string, ImportTarget>();
for (const target of importTargets) {
  for (const header of headerPresets[target]) presetIndex.set(headerKey(header), target);
}

/** Pre-fills the mapping screen: known headers map to their field, custom fields by label or key. */
export function suggestMapping(
  headers: string[],
  customFields: { key: string; label: string }[],
  saved?: Record<string, string>,
): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const header of headers) {
    const fromTemplate = saved?.[header];
    const custom = customFields.find((f) => headerKey(f.label) === headerKey(header) || f.key === header);
    const target: MappingValue =
      (fromTemplate as MappingValue | undefined) ??
      presetIndex.get(headerKey(header)) ??
      (custom ? (`custom:${custom.key}` as const) : 'ignore');
    // Two columns must not feed the same field; the later one is left for HR to decide.
    mapping[header] = target !== 'ignore' && used.has(target) ? 'ignore' : target;
    used.add(target);
  }
  return mapping;
}

/** A usable mapping names the person and gives at least one key to match records on. */
export function mappingIsComplete(mapping: ColumnMapping): boolean {
  const targets = new Set(Object.values(mapping));
  const named = targets.has('fullName') || targets.has('familyName');
  const keyed = targets.has('employeeNumber') || targets.has('email');
  return named && keyed;
}

export function isMappingValue(value: string, customKeys: Set<string>): value is MappingValue {
  if (value === 'ignore') return true;
  if (value.startsWith('custom:')) return customKeys.has(value.slice(7));
  return (importTargets as readonly string[]).includes(value);
}
