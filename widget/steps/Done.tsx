import type { SubmissionAnswer } from '../../shared/submission';
import type { WidgetTexts as Texts } from '../../shared/widget-texts';

/** Only web links become a link (a config is a person's typing too). */
export const web = (url: string) => (/^https?:/i.test(url) ? url : undefined);

// 6. What happens next: the server's confirmation (thanks, who contacts them how and by when,
// what to prepare, the recap, the tier's links, their own page). An answer stored before the
// confirmation existed (replayed to a tab open since then) has only the next step, which names the rep.
export function Done({ t, answer, email }: { t: Texts; answer: SubmissionAnswer; email: string }) {
  const c = answer.confirmation;
  const link = (label: string, url: string) => (
    <p>
      <a href={web(url)} target="_blank" rel="noopener">
        {label}
      </a>
    </p>
  );
  return (
    <>
      {c ? (
        <>
          <p>{c.thanks}</p>
          {c.contact && <p>{c.contact}</p>}
          {c.prepare && (
            <>
              <h3>{t.prep}</h3>
              <p>{c.prepare}</p>
            </>
          )}
          <h3>{c.recapTitle}</h3>
          <ul class="rc">
            {c.recap.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          {c.links.map((l) => link(l.label, l.url))}
          {link(t.own, c.page)}
        </>
      ) : (
        <p>{answer.nextStep}</p>
      )}
      <p>{t.sent.replace('{email}', email)}</p>
    </>
  );
}
