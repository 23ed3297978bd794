import type { SubmissionAnswer } from '../../shared/submission';
import type { Texts } from '../i18n/en';

// 6. What happens next: the answer's next step and the rep who will contact the prospect.
export function Done({ t, answer, email }: { t: Texts; answer: SubmissionAnswer; email: string }) {
  return (
    <>
      <p>{answer.nextStep}</p>
      {answer.rep && <p class="rep">{t.rep.replace('{rep}', answer.rep.name)}</p>}
      <p>{t.sent.replace('{email}', email)}</p>
    </>
  );
}
