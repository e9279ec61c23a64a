/** Messages the server sends to people (errors, mail). The web app has its own catalogs. */
export const messages = {
  ja: {
    not_found: '見つかりません。',
    unauthenticated: 'サインインしてください。',
    forbidden: 'この操作を行う権限がありません。',
    csrf_failed: 'ページの有効期限が切れました。ページを再読み込みしてからもう一度お試しください。',
    rate_limited: '短時間に操作が集中しました。しばらく待ってからもう一度お試しください。',
    malformed_json: 'リクエストの形式が正しくありません（JSON を読み取れません）。',
    payload_too_large: '送信されたデータが大きすぎます。',
    validation_failed: '入力内容を確認してください。',
    internal_error: 'サーバーでエラーが発生しました。時間をおいてもう一度お試しください。',
    shutting_down: 'サーバーを再起動しています。少し待ってからもう一度お試しください。',
    method_not_allowed: 'この操作には対応していません。',
    unsupported_media_type:
      'データの形式（Content-Type）が正しくありません。application/json で送ってください。',
    field_invalid_characters: '使用できない文字（制御文字など）が含まれています。',
    nothing_to_change: '変更する項目がありません。',
    already_exists: '同じ内容がすでに登録されています。',
    changed_meanwhile: 'ほかの操作と重なりました。画面を更新してからもう一度お試しください。',
    link_invalid:
      'このリンクは無効か、有効期限が切れています。もう一度サインイン用のリンクをお送りください。',
    passkey_failed: 'パスキーを確認できませんでした。もう一度お試しください。',
    slug_taken: 'この URL はすでに使われています。別の URL を指定してください。',
    signup_closed: '新しいネットワークの作成は現在受け付けていません。',
    member_exists: 'このメールアドレスの方はすでにメンバーです。',
    last_owner: 'オーナーが一人もいなくなるため、この変更はできません。',
    owner_only: 'この操作はオーナーのみ行えます。',
    self_change: 'ご自身の権限は変更できません。',
    field_required: '入力してください。',
    field_invalid_type: '値の種類が正しくありません。',
    field_too_short: '{min} 文字以上で入力してください。',
    field_too_long: '{max} 文字以内で入力してください。',
    field_too_small: '{min} 以上の値を入力してください。',
    field_too_big: '{max} 以下の値を入力してください。',
    field_invalid_email: 'メールアドレスの形式が正しくありません。',
    field_invalid_format: '形式が正しくありません。',
    field_invalid_option: '選択肢の中から選んでください。',
    field_unknown: '受け付けていない項目です。',
    field_invalid_slug: '半角英小文字・数字・ハイフンで 3〜40 文字にしてください。',
    field_invalid_date: '日付を読み取れません（例: 2023/4/1、2023年4月1日、令和5年4月1日）。',
    field_invalid_phone: '電話番号の形式が正しくありません。',
    field_invalid_reading: 'フリガナはカタカナかひらがなで入力してください。',
    field_invalid_value: '「{value}」は使えません（使える値: {allowed}）。',
    record_employee_number_taken: 'この社員番号の記録はすでにあります。',
    record_email_taken: 'このメールアドレスは別の記録で使われています。',
    import_missing_key: '社員番号とメールアドレスのどちらもないため、記録を特定できません。',
    import_duplicate_employee_number:
      '社員番号が同じで内容の異なる行がファイルの {rows} 行目にあります。どれが正しいか確認してください。',
    import_duplicate_email:
      'メールアドレスが同じで内容の異なる行がファイルの {rows} 行目にあります。どれが正しいか確認してください。',
    import_duplicate_merged: 'ファイルの {row} 行目とまったく同じ内容のため、1 件にまとめて取り込みます。',
    import_era_outside: '「{value}」は{written}の期間外のため、{actual}（{iso}）として読み取りました。',
    import_line_break_replaced: 'この項目は 1 行で入力するものなので、改行を空白に置き換えました。',
    import_email_conflict: 'このメールアドレスは別の記録（社員番号 {employeeNumber}）で使われています。',
    import_email_ambiguous: 'このメールアドレスに一致する記録が複数あります。',
    import_file_unreadable:
      'ファイルを読み取れませんでした。CSV または Excel（.xlsx）ファイルを指定してください。',
    import_file_empty: 'ファイルに見出し行とデータ行が見つかりません。',
    import_file_malformed: 'ファイルの {row} 件目を CSV として読み取れません（引用符「"」の閉じ忘れなど）。',
    import_file_too_large: 'ファイルが大きすぎます（上限 {max} MB）。',
    import_mapping_incomplete:
      '「氏名」（または「姓」）の列と、「社員番号」か「メールアドレス」の列を割り当ててください。',
    import_not_ready: 'この取り込みは確認中か、すでに反映済みです。画面を更新してください。',
    import_changed_since_check: '確認後に登録内容が変わりました。もう一度確認（ドライラン）してください。',
    import_applying: 'この取り込みは反映中です。完了までお待ちください。',
    import_expired:
      'この取り込みは期限までに反映されなかったため、ファイルと確認結果を削除しました。もう一度ファイルをアップロードしてください。',
    segment_name_taken: '同じ名前のセグメントがすでにあります。',
    template_name_taken: '同じ名前のテンプレートがすでにあります。',
    custom_field_key_taken: '同じキーの項目がすでにあります。',
    invitation_nobody: '招待できる人がいません。除外理由を確認してください。',
    invitation_invalid: 'この招待リンクは無効か、有効期限が切れています。人事担当者にお問い合わせください。',
    join_requests_closed: 'このネットワークは現在、参加申請を受け付けていません。',
    request_decided: 'この申請はすでに対応済みです。画面を更新してください。',
    record_excluded: 'この記録は除外リストに入っているため、招待できません。',
    consent_policy_outdated:
      '同意事項の内容が更新されました。画面を再読み込みして、最新の内容をご確認ください。',
    consent_required: '先に個人情報の取り扱いについての選択を済ませてください。',
    field_invalid_hashtag: 'ハッシュタグには文字・数字・「_」だけを使い、40 文字以内にしてください。',
    field_too_many: '{max} 個までにしてください。',
    field_invalid_url: 'http:// または https:// で始まる URL を入力してください。',
    photo_invalid: '画像を読み取れませんでした。JPEG・PNG・WebP の画像を指定してください。',
    photo_too_large: '画像が大きすぎます（上限 8 MB）。',
    member_blocked: 'この方とはやり取りできません。',
    block_self: 'ご自身をブロックすることはできません。',
    group_last_admin:
      'グループの管理者がいなくなるため、退出できません。先に他のメンバーを管理者にしてください。',
    post_not_allowed: 'ここに投稿する権限がありません。',
    post_empty: '本文を入力してください。',
    company_contact_not_allowed: 'この方は会社からの個別の連絡を希望していません。',
    content_blocked:
      'このネットワークでは使えない言葉が含まれているため、投稿できません。表現を変えてお試しください。',
    word_exists: 'この言葉はすでに登録されています。',
    report_duplicate: 'この内容はすでに通報済みです。モデレーターが確認します。',
    suspend_staff: '会社の担当者（オーナー・人事）を利用停止にすることはできません。',
    push_endpoint_not_allowed:
      'このブラウザーのプッシュ通知サービスには対応していません。Chrome・Edge・Firefox・Safari をお使いください。',
    post_images_invalid: '添付できない画像が含まれています。画像をもう一度アップロードしてください。',
    post_images_too_many: '画像は 1 件の投稿につき 4 枚までです。',
    message_not_reportable: 'このメッセージは通報できません。',
    employees_not_allowed:
      'このネットワークでは現役社員の参加を許可していません。ネットワーク設定で許可してから追加してください。',
    news_image_invalid: '記事に使えない画像が含まれています。画像をもう一度アップロードしてください。',
    news_category_missing: 'このカテゴリーはありません。一覧から選んでください。',
    news_publish_in_past: '公開日時には、現在より後の日時を指定してください。',
    news_not_draft: '公開済みの記事は予約できません。',
    news_comments_closed: 'この記事にはコメントできません。',
    news_reactions_closed: 'この記事にはリアクションできません。',
    field_invalid_month: '年月は 2026-04 の形式で指定してください。',
    survey_duplicate_key: '同じキーが 2 回使われています。',
    survey_options_needed: '選択肢を 2 つ以上入力してください。',
    survey_options_unexpected: 'この種類の質問には選択肢を設定できません。',
    survey_condition_invalid:
      '表示条件には、この質問より前にある選択式の質問と、その選択肢を指定してください。',
    survey_answer_scale: '1〜5 の中から選んでください。',
    survey_answer_nps: '0〜10 の中から選んでください。',
    survey_answer_hidden: 'この質問は前の回答により表示されないため、回答できません。',
    survey_answer_required: 'この質問は回答必須です。',
    survey_not_draft: '公開したアンケートの質問や設定は変更できません。',
    survey_no_questions: '質問を 1 つ以上追加してから公開してください。',
    survey_closes_in_past: '締切日時は現在より後の日時にしてください。',
    survey_status_change: 'このアンケートはその状態に変更できません。',
    survey_closed: 'このアンケートの回答受付は終了しました。',
    survey_already_answered: 'このアンケートにはすでに回答いただいています。',
    survey_reminder_not_sent: 'リマインドは、回答依頼を送ったあとに設定できます。',
    survey_reminder_no_closing: '締切日時のないアンケートには「締切の何日前」のリマインドは設定できません。',
    survey_reminder_past: 'その日時はすでに過ぎています。日数を見直してください。',
    survey_reminder_after_closing: 'リマインドは締切日時より前に届くよう設定してください。',
    survey_reminder_limit:
      '予定しているリマインドが上限（5 件）に達しています。不要なものを取り消してください。',
    survey_reminder_not_scheduled: 'このリマインドはすでに送信済みか、取り消されています。',
    survey_would_return_invalid:
      '「再入社の意向」に使えるのは、記名式アンケートの単一選択の質問 1 つだけです。その質問の選択肢を指定してください。',
    pulse_survey_not_open: '定期アンケートには、公開中（回答受付中）のアンケートを指定してください。',
    pulse_survey_taken:
      '同じアンケートを複数の時期に使うことはできません。時期ごとに別のアンケートを指定してください。',
    exit_survey_not_open: '退職時アンケートには、公開中（回答受付中）のアンケートを指定してください。',
    exit_survey_not_named:
      '退職時アンケートには記名式のアンケートを指定してください。同意と再入社の意向を退職者の記録に残すためです。',
    exit_survey_no_would_return:
      '退職時アンケートには「再入社の意向」を記録する質問が必要です。アンケートの質問で設定してください。',
    exit_survey_not_chosen:
      '退職時アンケートが設定されていません。アンケートの「定期アンケート」画面で指定してください。',
    exit_survey_already_answered: 'この方はすでに退職時アンケートに回答しています。',
    exit_link_excluded: '除外リストにある方にはメールを送れません。リンクをコピーしてお渡しください。',
    exit_link_no_address: 'この記録にはメールアドレスがありません。リンクをコピーしてお渡しください。',
    exit_link_unknown: 'このリンクは無効です。URL が途中で切れていないか、人事担当者にご確認ください。',
    exit_link_used: 'このリンクからはすでに回答いただいています。ご協力ありがとうございました。',
    exit_link_revoked:
      'このリンクは新しいリンクの発行により無効になりました。最新のメールのリンクを開いてください。',
    exit_link_expired: 'このリンクは有効期限が切れています。必要な場合は人事担当者にご連絡ください。',
    survey_anonymous_draft:
      '匿名のアンケートは、送信するまで回答をサーバーに保存しません（回答とあなたを結び付けないためです）。',
    // 機会（求人・カムバック採用・協業の募集）
    opportunity_closed: 'この募集は締め切られたため、受け付けていません。',
    opportunity_not_open: '公開中の募集ではないため、受け付けていません。',
    opportunity_not_announceable:
      'お知らせできるのは公開中の募集だけです。状態を「公開中」にしてから送ってください。',
    return_date_required: '入社とするには入社日（復帰日）を入力してください。',
    candidate_withdrawn: 'この方は応募を取り下げています。',
    owner_not_staff: '担当者には人事担当者または管理者を選んでください。',
    interest_file_type: '添付できるのは PDF ファイルだけです（Content-Type: application/pdf）。',
    interest_file_not_pdf: 'PDF ファイルではないようです。PDF 形式で保存したファイルを選んでください。',
    interest_file_empty: 'ファイルが空です。内容のある PDF ファイルを選んでください。',
    interest_file_too_large: 'ファイルが大きすぎます。10 MB 以下の PDF ファイルを選んでください。',
    interest_file_needs_interest: 'ファイルを添付するには、先に「興味あり」を送ってください。',
    referral_already_sent:
      'この方にはすでにこの募集のご紹介をお送りしています。ご紹介のメールは一度だけお送りします。',
    referral_self: 'ご自身を紹介することはできません。',
    referral_member_unknown: '紹介できるのはこのネットワークのメンバーです。一覧から選び直してください。',
    referral_member_or_address:
      'メンバーを選ぶか、お名前とメールアドレスを入力するか、どちらか一方にしてください。',
    // カジュアル面談
    chat_slot_in_past: '開始日時は現在より後の日時にしてください。',
    chat_slot_overlaps: 'この時間帯には、すでにあなたの面談枠があります。',
    chat_slot_taken: 'この枠はほかの方が予約しました。別の枠をお選びください。',
    chat_slot_unavailable: 'この枠は予約できません（開始済みか、取り消されました）。',
    chat_own_slot: 'ご自身の面談枠は予約できません。',
    chat_not_bookable: '面談枠を予約できるのはアルムナイの会員です。',
    chat_not_host: '面談枠を公開できるのは、人事担当者と社員です。',
    chat_blocked: 'この方の面談枠は予約できません。',
    chat_already_cancelled: 'この面談はすでに取り消されています。',
    event_ends_before_start: '終了日時は開始日時より後にしてください。',
    event_window_invalid: '受付終了は受付開始より後にしてください。',
    event_question_choices: '選択式の質問には選択肢を 2 つ以上入力してください。',
    event_question_duplicate: '質問の ID が重複しています。',
    event_capacity_below_confirmed: '定員は、参加が確定している人数（{n} 人）より少なくできません。',
    event_cancelled: 'このイベントは中止になりました。',
    event_image_invalid: 'このカバー画像は使えません。画像をもう一度アップロードしてください。',
    event_cover_alt_required: 'カバー画像の内容を説明する代替テキストを入力してください。',
    event_material_url_https: '資料のリンクには https:// で始まる URL を入力してください。',
    event_materials_full:
      '1 つのイベントに登録できる資料は 30 件までです。不要な資料を削除してから追加してください。',
    event_format_in_use: 'この参加方法にはすでに参加確定者がいるため、開催形式を変更できません。',
    event_incomplete: '公開する前に、必要な項目を入力してください。',
    event_mode_required: '参加方法（会場またはオンライン）を選んでください。',
    event_already_registered: 'このイベントにはすでに参加登録しています。',
    event_registration_not_open: '参加登録の受付はまだ始まっていません。',
    event_registration_closed: '参加登録の受付は終了しました。',
    event_member_unknown: 'このネットワークの有効なメンバーを選んでください。',
    event_check_in_unknown: 'この受付番号の参加確定者は見つかりません。',
    event_survey_audience:
      'イベント後アンケートにできるのは、対象を「このイベントの出席者」にしたアンケートだけです。',
    event_survey_exists: 'このイベントにはすでにイベント後アンケートがあります。',
    event_survey_already_sent: 'イベント後アンケートは送信済みのため、変更できません。',
    event_check_in_not_published:
      '公開中のイベントでのみ受付できます。下書きのイベントは公開してから受付してください。',
    // メールマガジン
    newsletter_not_draft:
      '送信予約中または送信済みのメールマガジンは変更できません。予約を取り消してから変更してください。',
    newsletter_already_sending: 'このメールマガジンはすでに送信中か送信済みです。',
    newsletter_not_scheduled: 'このメールマガジンは送信予約されていません。',
    newsletter_send_at_past: '送信日時は現在より後の日時にしてください。',
    newsletter_article_unpublished: '選べるのはこのネットワークの公開済みの記事だけです。',
    newsletter_sender_missing:
      'メールマガジンを送るには、ネットワーク設定で送信者の住所と問い合わせ先を登録してください（特定電子メール法）。',
    // 提言・ご意見
    proposal_own: 'ご自身の提言には賛同できません。',
    // 成果
    outcomes_period_date: '日付は 2026-04-01 の形式で、実在する日付を指定してください。',
    outcomes_period_order: '終了日は開始日より後の日付にしてください。',
    outcomes_period_too_long: '期間は 3 年以内にしてください。',
  },
  en: {
    not_found: 'Not found.',
    unauthenticated: 'Please sign in.',
    forbidden: 'You do not have permission to do this.',
    csrf_failed: 'This page has expired. Reload the page and try again.',
    rate_limited: 'Too many attempts in a short time. Please wait a moment and try again.',
    malformed_json: 'The request could not be read (malformed JSON).',
    payload_too_large: 'The data sent is too large.',
    validation_failed: 'Please check what you entered.',
    shutting_down: 'The server is restarting. Please try again in a moment.',
    internal_error: 'Something went wrong on the server. Please try again later.',
    method_not_allowed: 'This operation is not supported.',
    unsupported_media_type:
      'The data was sent in the wrong format (Content-Type). Please send application/json.',
    field_invalid_characters: 'This contains characters that cannot be used (such as control characters).',
    nothing_to_change: 'There is nothing to change.',
    already_exists: 'This already exists.',
    changed_meanwhile: 'Someone else changed this at the same time. Please reload the page and try again.',
    link_invalid: 'This link is invalid or has expired. Please request a new sign-in link.',
    passkey_failed: 'The passkey could not be verified. Please try again.',
    slug_taken: 'This address is already taken. Please choose another one.',
    signup_closed: 'New networks cannot be created at the moment.',
    member_exists: 'A member with this e-mail address already exists.',
    last_owner: 'This change would leave the network without an owner.',
    owner_only: 'Only an owner can do this.',
    self_change: 'You cannot change your own role.',
    field_required: 'This field is required.',
    field_invalid_type: 'This value has the wrong type.',
    field_too_short: 'Enter at least {min} characters.',
    field_too_long: 'Enter at most {max} characters.',
    field_too_small: 'Enter a value of at least {min}.',
    field_too_big: 'Enter a value of at most {max}.',
    field_invalid_email: 'Enter a valid e-mail address.',
    field_invalid_format: 'This value is not in the expected format.',
    field_invalid_option: 'Choose one of the options.',
    field_unknown: 'This field is not accepted.',
    field_invalid_slug: 'Use 3–40 lowercase letters, digits or hyphens.',
    field_invalid_date: 'This date cannot be read (e.g. 2023-04-01, 2023/4/1, 令和5年4月1日).',
    field_invalid_phone: 'This phone number is not in a valid format.',
    field_invalid_reading: 'Enter the reading in katakana or hiragana.',
    field_invalid_value: '"{value}" is not accepted (allowed: {allowed}).',
    record_employee_number_taken: 'A record with this employee number already exists.',
    record_email_taken: 'This e-mail address is used by another record.',
    import_missing_key: 'Neither an employee number nor an e-mail address: the record cannot be identified.',
    import_duplicate_employee_number:
      'Rows {rows} of the file have this employee number with different data. Check which one is right.',
    import_duplicate_email:
      'Rows {rows} of the file have this e-mail address with different data. Check which one is right.',
    import_duplicate_merged: 'Identical to row {row} of the file, so the two are imported as one.',
    import_era_outside: '"{value}" lies outside the {writtenEn} era; read as {actualEn} ({iso}).',
    import_line_break_replaced: 'This field holds a single line, so the line break was replaced by a space.',
    import_email_conflict:
      'This e-mail address belongs to another record (employee number {employeeNumber}).',
    import_email_ambiguous: 'More than one record has this e-mail address.',
    import_file_unreadable: 'The file could not be read. Choose a CSV or Excel (.xlsx) file.',
    import_file_empty: 'No header row and data rows were found in the file.',
    import_file_malformed: 'Record {row} of the file cannot be read as CSV (an unclosed quote "?).',
    import_file_too_large: 'The file is too large (limit {max} MB).',
    import_mapping_incomplete:
      'Map a column to "Name" (or "Family name") and one to "Employee number" or "E-mail".',
    import_not_ready: 'This import is still being checked or has already been applied. Refresh the page.',
    import_changed_since_check: 'The records changed after the check. Please run the dry run again.',
    import_applying: 'This import is being applied. Please wait until it finishes.',
    import_expired:
      'This import was not applied in time, so its file and dry run were deleted. Please upload the file again.',
    segment_name_taken: 'A segment with this name already exists.',
    template_name_taken: 'A template with this name already exists.',
    custom_field_key_taken: 'A field with this key already exists.',
    invitation_nobody: 'Nobody can be invited. Check the reasons people were skipped.',
    invitation_invalid: 'This invitation link is invalid or has expired. Please contact the HR team.',
    join_requests_closed: 'This network is not accepting requests to join at the moment.',
    request_decided: 'This request has already been handled. Refresh the page.',
    record_excluded: 'This record is on the exclusion list and cannot be invited.',
    consent_policy_outdated:
      'The consent wording has been updated. Reload the page and review the current version.',
    consent_required: 'Please make your choices about personal data first.',
    field_invalid_hashtag: 'Use only letters, digits and "_" in a hashtag, up to 40 characters.',
    field_too_many: 'Choose at most {max}.',
    field_invalid_url: 'Enter a URL starting with http:// or https://.',
    photo_invalid: 'The image could not be read. Use a JPEG, PNG or WebP image.',
    photo_too_large: 'The image is too large (limit 8 MB).',
    member_blocked: 'You cannot interact with this member.',
    block_self: 'You cannot block yourself.',
    group_last_admin: 'You are the last admin of this group. Make another member an admin before leaving.',
    post_not_allowed: 'You cannot post here.',
    post_empty: 'Write something first.',
    company_contact_not_allowed: 'This member has not agreed to be contacted by the company.',
    content_blocked: 'This contains words that are not allowed in this network. Please rephrase it.',
    word_exists: 'This word is already on the list.',
    report_duplicate: 'You have already reported this. A moderator will look at it.',
    suspend_staff: 'Company staff (owners and HR) cannot be suspended.',
    push_endpoint_not_allowed:
      "This browser's push service is not supported. Please use Chrome, Edge, Firefox or Safari.",
    post_images_invalid: 'Some images cannot be attached. Please upload them again.',
    post_images_too_many: 'A post can have at most 4 images.',
    message_not_reportable: 'This message cannot be reported.',
    employees_not_allowed:
      'This network does not let current employees join. Allow it in the network settings first.',
    news_image_invalid: 'The article uses an image that cannot be used. Please upload it again.',
    news_category_missing: 'There is no such category. Choose one from the list.',
    news_publish_in_past: 'Choose a publishing time later than now.',
    news_not_draft: 'A published article cannot be scheduled.',
    news_comments_closed: 'Comments are closed on this article.',
    news_reactions_closed: 'Reactions are off for this article.',
    field_invalid_month: 'Give the month as 2026-04.',
    survey_duplicate_key: 'This key is used twice.',
    survey_options_needed: 'Enter at least two choices.',
    survey_options_unexpected: 'This kind of question cannot have choices.',
    survey_condition_invalid: 'A condition must name an earlier choice question and some of its choices.',
    survey_answer_scale: 'Choose from 1 to 5.',
    survey_answer_nps: 'Choose from 0 to 10.',
    survey_answer_hidden: 'This question is not shown after your earlier answer, so it cannot be answered.',
    survey_answer_required: 'Please answer this question.',
    survey_not_draft: 'The questions and settings of a survey cannot be changed once it has opened.',
    survey_no_questions: 'Add at least one question before opening the survey.',
    survey_closes_in_past: 'The closing time must be in the future.',
    survey_status_change: 'The survey cannot be moved to that status.',
    survey_closed: 'This survey is closed.',
    survey_reminder_not_sent: 'Reminders can be set once the survey has been sent.',
    survey_reminder_no_closing:
      'This survey has no closing time, so a reminder before closing cannot be set.',
    survey_reminder_past: 'That time has already passed. Please change the number of days.',
    survey_reminder_after_closing: 'Set the reminder to go out before the closing time.',
    survey_reminder_limit: 'Five reminders are already scheduled. Cancel one you no longer need.',
    survey_reminder_not_scheduled: 'This reminder has already been sent or was cancelled.',
    survey_already_answered: 'You have already answered this survey.',
    survey_would_return_invalid:
      'Only one single choice question of a named survey can record whether they would come back, with choices of that question.',
    pulse_survey_not_open: 'Choose an open survey (taking answers) for a pulse.',
    pulse_survey_taken:
      'The same survey cannot be used for two stages. Choose a different survey for each stage.',
    exit_survey_not_open: 'Choose an open survey (one accepting answers) as the exit survey.',
    exit_survey_not_named:
      'Choose a named survey as the exit survey: the consent and the would-return answer are kept on the leaver’s record.',
    exit_survey_no_would_return:
      'The exit survey needs a question that records whether the person would return. Set one in the survey’s questions.',
    exit_survey_not_chosen: 'No exit survey is chosen. Choose one on the Surveys › Pulses screen.',
    exit_survey_already_answered: 'This person has already answered the exit survey.',
    exit_link_excluded:
      'People on the exclusion list are not e-mailed. Copy the link and hand it over instead.',
    exit_link_no_address: 'This record has no e-mail address. Copy the link and hand it over instead.',
    exit_link_unknown: 'This link is not valid. Check that the address was copied whole, or ask HR.',
    exit_link_used: 'This link has already been used to answer. Thank you.',
    exit_link_revoked: 'This link was replaced by a newer one. Please open the link in the latest mail.',
    exit_link_expired: 'This link has expired. Please contact HR if you still wish to answer.',
    survey_anonymous_draft:
      'Answers to an anonymous survey are not stored on the server until you send them, so they are never linked to you.',
    // Opportunities (jobs, comeback roles, calls for collaboration)
    opportunity_closed: 'This opportunity has closed and no longer takes answers.',
    opportunity_not_open: 'This opportunity is not open, so it takes no answers.',
    opportunity_not_announceable: 'Only an open opportunity can be announced. Set it to open first.',
    return_date_required: 'Enter the date they start (their return date) to mark them as hired.',
    candidate_withdrawn: 'This person has withdrawn their interest.',
    owner_not_staff: 'Choose an HR staff member or admin as the owner.',
    interest_file_type: 'Only PDF files can be attached (Content-Type: application/pdf).',
    interest_file_not_pdf: 'This does not look like a PDF file. Please choose a file saved as PDF.',
    interest_file_empty: 'The file is empty. Please choose a PDF file with content.',
    interest_file_too_large: 'The file is too large. Please choose a PDF file of 10 MB or less.',
    interest_file_needs_interest: 'Send “Interested” first, then attach a file.',
    referral_already_sent:
      'This person has already been sent a referral for this opportunity. Each person is mailed only once.',
    referral_self: 'You cannot refer yourself.',
    referral_member_unknown:
      'You can refer members of this network only. Please choose someone from the list again.',
    referral_member_or_address: 'Choose a member, or enter a name and e-mail address, not both.',
    // Casual career chats
    chat_slot_in_past: 'The start time must be in the future.',
    chat_slot_overlaps: 'You already have a chat slot at that time.',
    chat_slot_taken: 'Someone else has just booked this slot. Please choose another one.',
    chat_slot_unavailable: 'This slot cannot be booked (it has started or was cancelled).',
    chat_own_slot: 'You cannot book your own slot.',
    chat_not_bookable: 'Chat slots are booked by alumni members.',
    chat_not_host: 'Chat slots are published by HR staff and employees.',
    chat_blocked: "You cannot book this person's slots.",
    chat_already_cancelled: 'This chat has already been cancelled.',
    event_ends_before_start: 'The end must be after the start.',
    event_window_invalid: 'Registration must close after it opens.',
    event_question_choices: 'A choice question needs at least two choices.',
    event_question_duplicate: 'Two questions have the same ID.',
    event_capacity_below_confirmed: 'The capacity cannot be lower than the confirmed registrations ({n}).',
    event_cancelled: 'This event has been cancelled.',
    event_image_invalid: 'This cover picture cannot be used. Please upload it again.',
    event_cover_alt_required: 'Please describe the cover picture in its alternative text.',
    event_material_url_https: 'Enter a link to the material starting with https://.',
    event_materials_full: 'An event can have up to 30 materials. Remove one you no longer need first.',
    event_format_in_use:
      'People are already confirmed for this way of taking part, so the format cannot change.',
    event_incomplete: 'Please fill in the required fields before publishing.',
    event_mode_required: 'Please choose how you will take part (in person or online).',
    event_already_registered: 'You are already registered for this event.',
    event_registration_not_open: 'Registration has not opened yet.',
    event_registration_closed: 'Registration has closed.',
    event_member_unknown: 'Please choose an active member of this network.',
    event_check_in_unknown: 'No confirmed registration has this code.',
    event_survey_audience: "Only a survey meant for this event's attendees can be its post-event survey.",
    event_survey_exists: 'This event already has a post-event survey.',
    event_survey_already_sent: 'The post-event survey has already been sent, so it cannot be changed.',
    event_check_in_not_published: 'Check-in is only possible for a published event. Publish the draft first.',
    // Newsletters
    newsletter_not_draft: 'A scheduled or sent newsletter cannot be changed. Cancel the schedule first.',
    newsletter_already_sending: 'This newsletter is already being sent or has been sent.',
    newsletter_not_scheduled: 'This newsletter is not scheduled.',
    newsletter_send_at_past: 'The send time must be in the future.',
    newsletter_article_unpublished: "Only this network's published articles can be included.",
    newsletter_sender_missing:
      "Before sending a newsletter, enter the sender's postal address and contact in the network settings (required by Japanese law on commercial e-mail).",
    proposal_own: 'You cannot support your own proposal.',
    // Outcomes
    outcomes_period_date: 'Give a real date as 2026-04-01.',
    outcomes_period_order: 'The end date must be after the start date.',
    outcomes_period_too_long: 'The period can be at most 3 years long.',
  },
} as const;

export type Locale = keyof typeof messages;
export type MessageKey = keyof (typeof messages)['ja'];
export const locales: readonly Locale[] = ['ja', 'en'];

export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return messages[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && value in messages.ja;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}

/** Picks ja or en from an explicit choice, else the Accept-Language header; Japanese by default. */
export function negotiateLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(explicit)) return explicit;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const quality = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: quality ? Number(quality.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('ja')) return 'ja';
    if (tag.startsWith('en')) return 'en';
  }
  return 'ja';
}
