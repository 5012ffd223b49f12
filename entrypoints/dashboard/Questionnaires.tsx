import { useRef, useState } from 'preact/hooks';
import { SaveRow } from '../../components/SaveRow';
import { useAsync } from '../../components/use-async';
import { t, uiLocale } from '../../utils/browser/i18n';
import { maximumScore, type Questionnaire } from '../../utils/core/questionnaire/score';
import { sendMessage } from '../../utils/browser/send-message';

interface Result {
  questionnaire: string;
  title: string;
  at: number;
  score: number;
  band: string | null;
}

/**
 * Questionnaires the person's organisation loaded through its policy, answered here and kept
 * here. Nothing is shown when the policy in force has none. The questions are the organisation's
 * words, in its language: they are marked dir="auto" so they read correctly in any page direction.
 */
export function Questionnaires() {
  const [version, setVersion] = useState(0);
  const state = useAsync(() => sendMessage('questionnaires', {}), [version]);
  if (state.status === 'error') return <p role="alert" class="error">{t('errorNotRead')}</p>;
  if (state.status !== 'ready' || state.value.questionnaires.length === 0) return null;
  const { questionnaires, results, locked } = state.value;
  const date = new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' });
  const scoreText = (result: Result) => {
    const questionnaire = questionnaires.find((q) => q.id === result.questionnaire);
    if (!questionnaire) return String(result.score);
    const max = String(maximumScore(questionnaire));
    return result.band ? t('questionnaireScoreBand', [result.score, max, result.band]) : t('questionnaireScore', [result.score, max]);
  };

  return (
    <section class="card stack" aria-labelledby="questionnaires-heading" data-testid="questionnaires">
      <h2 id="questionnaires-heading">{t('questionnairesHeading')}</h2>
      <p class="muted">{t('questionnairesIntro')}</p>
      {questionnaires.map((questionnaire) => {
        const last = results.find((result) => result.questionnaire === questionnaire.id);
        return (
          <QuestionnaireForm
            key={questionnaire.id}
            questionnaire={questionnaire}
            last={last ? t('questionnaireLast', [date.format(last.at), scoreText(last)]) : t('questionnaireNever')}
            scoreText={(score, band) => scoreText({ questionnaire: questionnaire.id, title: questionnaire.title, at: 0, score, band })}
            onSaved={() => setVersion((n) => n + 1)}
          />
        );
      })}
      {locked && <p class="muted">{t('vaultResultsLocked')}</p>}
      {results.length > 0 && (
        <table data-testid="questionnaire-results">
          <caption>{t('questionnaireHistory')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('questionnaireColDate')}</th>
              <th scope="col">{t('questionnaireColTitle')}</th>
              <th scope="col">{t('questionnaireColScore')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={`${result.questionnaire}-${result.at}`}>
                <td>{date.format(result.at)}</td>
                <td dir="auto">{result.title}</td>
                <td>{scoreText(result)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function QuestionnaireForm({
  questionnaire,
  last,
  scoreText,
  onSaved,
}: {
  questionnaire: Questionnaire;
  last: string;
  scoreText: (score: number, band: string | null) => string;
  onSaved: () => void;
}) {
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [status, setStatus] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const { min, max, labels } = questionnaire.scale;
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const label = (value: number) => labels.find((l) => l.value === value)?.text;
  const name = (itemId: string) => `${questionnaire.id}--${itemId}`;

  const save = async (event: Event) => {
    event.preventDefault();
    const missing = questionnaire.items.filter((item) => answers[item.id] === undefined);
    if (missing.length > 0) {
      setStatus(t('questionnaireMissing', missing.length));
      form.current?.querySelector<HTMLInputElement>(`input[name="${name(missing[0]!.id)}"]`)?.focus();
      return;
    }
    try {
      const { score, band } = await sendMessage('questionnaires/answer', { questionnaire: questionnaire.id, answers });
      setAnswers({});
      setStatus(t('questionnaireSaved', scoreText(score, band)));
      onSaved();
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <details class="questionnaire" data-questionnaire={questionnaire.id}>
      <summary>
        <span dir="auto">{questionnaire.title}</span> <span class="muted">{last}</span>
      </summary>
      <form ref={form} class="stack" onSubmit={(event) => void save(event)}>
        {questionnaire.instructions && <p dir="auto">{questionnaire.instructions}</p>}
        {questionnaire.items.map((item, index) => (
          <fieldset key={item.id} class="question">
            <legend dir="auto">
              {index + 1}. {item.text}
            </legend>
            <div class="row scale">
              {values.map((value) => (
                <label key={value} class="rating">
                  <input
                    type="radio"
                    name={name(item.id)}
                    value={value}
                    checked={answers[item.id] === value}
                    onChange={() => setAnswers({ ...answers, [item.id]: value })}
                  />
                  <span>{value}</span>
                  {label(value) && (
                    <span class="muted" dir="auto">
                      {label(value)}
                    </span>
                  )}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <p class="muted" dir="auto">
          {t('questionnaireLicence', questionnaire.licence)}
        </p>
        <SaveRow status={status} label="questionnaireSave" />
      </form>
    </details>
  );
}
