import { LocalDate } from '@/components/local-date';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { QuestionnaireView } from '@/lib/questionnaire';
import { ClearanceForm } from './clearance-form';
import { QuestionnaireStatusBadge, QuestionnaireStatusText } from './status-summary';

interface QuestionnaireReviewProps {
  view: QuestionnaireView;
  /** Question texts by id, to show next to each answer. */
  questions: { id: string; text: string }[];
}

function Answers({ view, questions }: QuestionnaireReviewProps) {
  const current = view.current;
  if (!current) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Answers</CardTitle>
        <CardDescription>
          Completed on <LocalDate iso={current.completed_at} />. Health data: do not copy it elsewhere.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="flex flex-col divide-y divide-border text-sm" data-testid="questionnaire-answers">
          {questions.map((q) => {
            const answer = current.answers[q.id];
            return (
              <li key={q.id} className="flex items-start justify-between gap-4 py-3">
                <span>{q.text}</span>
                {answer === undefined ? (
                  <Badge variant="muted">Not asked</Badge>
                ) : answer ? (
                  <Badge variant="destructive">Yes</Badge>
                ) : (
                  <Badge variant="muted">No</Badge>
                )}
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}

function Clearance({ view }: { view: QuestionnaireView }) {
  const current = view.current;
  if (!current?.requires_clearance) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Clearance</CardTitle>
        <CardDescription>A &ldquo;yes&rdquo; to a medical question: the client may book once an admin or one of their practitioners clears it.</CardDescription>
      </CardHeader>
      <CardContent className="text-sm">
        {current.cleared_at ? (
          <div className="flex flex-col gap-2">
            <p>
              Cleared on <LocalDate iso={current.cleared_at} />
              {current.cleared_by ? ` by ${current.cleared_by.name}` : ''}.
            </p>
            {current.clearance_note ? <p className="rounded-lg bg-muted px-3 py-2 whitespace-pre-wrap">{current.clearance_note}</p> : null}
          </div>
        ) : view.status.state === 'needs_clearance' ? (
          <ClearanceForm questionnaireId={current.id} />
        ) : (
          <p>This questionnaire has expired; the client must renew it before it can be cleared.</p>
        )}
      </CardContent>
    </Card>
  );
}

function History({ view }: { view: QuestionnaireView }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>History</CardTitle>
        <CardDescription>Every questionnaire this client completed, newest first. Dates only.</CardDescription>
      </CardHeader>
      <CardContent>
        {view.history.length === 0 ? (
          <p className="text-sm text-muted-foreground">None yet.</p>
        ) : (
          // Scrolls sideways on a narrow screen: focusable so the keyboard can scroll it too.
          <div className="overflow-x-auto rounded-lg focus-visible:outline-2 focus-visible:outline-ring" tabIndex={0} role="region" aria-label="Questionnaire history">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Questionnaire history</caption>
              <thead className="text-muted-foreground">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">Completed</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Expires</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Flagged</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Cleared</th>
                  <th scope="col" className="py-2 font-medium">Replaced</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {view.history.map((h) => (
                  <tr key={h.id}>
                    <td className="py-2 pr-4 whitespace-nowrap"><LocalDate iso={h.completed_at} options={{ dateStyle: 'medium' }} /></td>
                    <td className="py-2 pr-4 whitespace-nowrap"><LocalDate iso={h.expires_at} options={{ dateStyle: 'medium' }} /></td>
                    <td className="py-2 pr-4">{h.requires_clearance ? 'Yes' : 'No'}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{h.cleared_at ? <LocalDate iso={h.cleared_at} options={{ dateStyle: 'medium' }} /> : '—'}</td>
                    <td className="py-2 whitespace-nowrap">
                      {h.superseded_at ? <LocalDate iso={h.superseded_at} options={{ dateStyle: 'medium' }} /> : <Badge>Current</Badge>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

/** A client's questionnaire for an admin or one of their practitioners: answers, contact, clearance, history. */
export function QuestionnaireReview({ view, questions }: QuestionnaireReviewProps) {
  const current = view.current;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:items-start">
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader className="flex-row items-center justify-between gap-3">
            <CardTitle>Status</CardTitle>
            <QuestionnaireStatusBadge status={view.status} />
          </CardHeader>
          <CardContent className="text-sm">
            <QuestionnaireStatusText status={view.status} audience="staff" />
          </CardContent>
        </Card>
        <Clearance view={view} />
        <Answers view={view} questions={questions} />
      </div>
      <div className="flex flex-col gap-6">
        {current ? (
          <Card>
            <CardHeader>
              <CardTitle>Emergency contact</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-2 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
                <dt className="text-muted-foreground">Name</dt>
                <dd className="font-medium">{current.emergency_contact.name}</dd>
                <dt className="text-muted-foreground">Phone</dt>
                <dd className="font-medium">
                  <a href={`tel:${current.emergency_contact.phone.replace(/[^+\d]/g, '')}`} className="underline underline-offset-4">
                    {current.emergency_contact.phone}
                  </a>
                </dd>
                <dt className="text-muted-foreground">Relationship</dt>
                <dd className="font-medium">{current.emergency_contact.relationship}</dd>
              </dl>
              <p className="mt-4 text-xs text-muted-foreground">Consent given: &ldquo;{current.consent_text}&rdquo;</p>
            </CardContent>
          </Card>
        ) : null}
        <History view={view} />
      </div>
    </div>
  );
}
