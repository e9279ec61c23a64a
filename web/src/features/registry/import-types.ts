export type ImportStatus = 'uploaded' | 'checking' | 'checked' | 'applying' | 'applied' | 'failed';
export type Import = {
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: 'utf8' | 'cp932' | 'xlsx';
  headers: string[];
  mapping: Record<string, string>;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  counts: { new: number; updated: number; unchanged: number; rejected: number } | null;
  error: string | null;
  createdAt: string;
};
export type ImportTemplate = { id: string; name: string; mapping: Record<string, string> };
export type Issue = {
  row: number;
  column: string | null;
  value: string | null;
  code: string;
  message: string;
};
