import type { surveysJa } from './surveys.ja';

export const surveysEn: Record<keyof typeof surveysJa, string> = {
  'home.surveys': 'Surveys',
  'surveys.anonymity.named': 'Named',
  'surveys.anonymity.anonymous': 'Anonymous',
  'surveys.closesAt': 'Closes {date}',
  'surveys.mine.title': 'Surveys',
  'surveys.mine.lead': 'Surveys from the company. Please tell them what you think.',
  'surveys.mine.empty': 'There are no surveys for you to answer right now.',
  'surveys.mine.notStarted': 'Not answered',
  'surveys.mine.draft': 'In progress',
  'surveys.mine.submitted': 'Answered',
  'surveys.answer.named': 'This survey is named: your answers reach the company’s staff with your name.',
  'surveys.answer.anonymous':
    'This survey is anonymous: nothing linking your answers to you is stored. Unfinished answers are kept on this device only.',
  'surveys.answer.required': 'Required',
  'surveys.answer.scaleLow': '1 = low',
  'surveys.answer.scaleHigh': '5 = high',
  'surveys.answer.npsLow': '0 = not at all likely',
  'surveys.answer.npsHigh': '10 = extremely likely',
  'surveys.answer.saveDraft': 'Save for later',
  'surveys.answer.draftSaved': 'Saved. You can finish later.',
  'surveys.answer.submit': 'Send answers',
  'surveys.answer.thanks': 'Thank you for your answers',
  'surveys.answer.closed': 'This survey is closed.',
  'surveys.answer.back': 'Back to surveys',
  'notifications.survey_invited': 'Please answer the survey “{title}”',
  'surveys.link.named': 'This survey is named: HR will read your answers.',
  'surveys.link.anonymous': 'This survey is anonymous: your answers are never linked to you.',
  'surveys.link.once': 'You can answer once. This link is yours alone.',
  'surveys.link.notFound': 'This link is not valid. Please check the link in your mail.',
  'exitSurvey.welcome':
    'Thank you for everything you have done with us. Please tell us frankly what you think, to help us make a better workplace.',
  'exitSurvey.named':
    'This survey is named: your answers are kept on your record as a former employee and read by HR.',
  'exitSurvey.consent.legend': 'Hearing from us after you leave',
  'exitSurvey.consent.hint':
    'You can send your answers without ticking this. If you do not tick it, we will not e-mail you after you leave (and any earlier consent counts as withdrawn).',
  'exitSurvey.thanks.granted':
    'We will e-mail you after you leave. You can stop this at any time from any such mail.',
  'exitSurvey.thanks.declined': 'We will not e-mail you after you leave.',
  'exitSurvey.state.unknown.title': 'This link is not valid',
  'exitSurvey.state.unknown.body':
    'Please check that the address was copied whole. If that does not help, ask the HR person who gave you the link.',
  'exitSurvey.state.used.title': 'You have already answered',
  'exitSurvey.state.used.body': 'This link can be used to answer once. Thank you for your answers.',
  'exitSurvey.state.revoked.title': 'This link no longer works',
  'exitSurvey.state.revoked.body':
    'A newer link was made, so this one stopped working. Please open the link in the latest mail, or the latest one HR gave you.',
  'exitSurvey.state.expired.title': 'This link has expired',
  'exitSurvey.state.expired.body':
    'Links are valid for 60 days after they are made. If you still wish to answer, please contact HR.',
  'exitSurvey.state.closed.title': 'This survey is closed',
  'exitSurvey.state.closed.body': 'This survey no longer accepts answers. Thank you all the same.',
};
