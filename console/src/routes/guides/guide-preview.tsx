import { useId, useRef, useState } from 'react';
import { ApiError, api, read } from '../../api';
import { type ChatMessage, type Preview, sendPreviewMessage, startPreview } from './preview-stream';

const closed = new Set(['completed', 'abandoned', 'expired', 'declined']);

/** A live chat that runs the guide's saved version for real, as the preview contact. */
export function GuidePreview({ guideId }: { guideId: string }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [streaming, setStreaming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const turn = useRef(0);
  const inputId = useId();

  const fail = (e: unknown) =>
    setError(e instanceof ApiError || e instanceof Error ? e.message : 'Something went wrong.');

  async function start() {
    setBusy(true);
    setError(null);
    setMessages([]);
    setStreaming(null);
    try {
      const p = await read(api.POST('/guides/{id}/preview', { params: { path: { id: guideId } } }));
      const started = await startPreview(p);
      setPreview(p);
      setMessages(started.messages);
      setStatus(started.status);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function send() {
    const answer = text.trim();
    if (!preview || !answer) return;
    turn.current += 1;
    const clientId = `preview-${preview.interview_id}-${turn.current}`;
    setText('');
    setBusy(true);
    setError(null);
    setMessages((m) => [...m, { id: clientId, role: 'customer', text: answer }]);
    setStreaming('');
    try {
      await sendPreviewMessage(preview, clientId, answer, {
        delta: (d) => setStreaming((s) => (s ?? '') + d),
        reset: () => setStreaming(''),
        message: (m) => {
          setStreaming(null);
          setMessages((all) => [...all, m]);
        },
        done: (s) => setStatus(s),
      });
    } catch (e) {
      fail(e);
    } finally {
      setStreaming(null);
      setBusy(false);
    }
  }

  const ended = status !== null && closed.has(status);
  return (
    <div className="preview">
      <div className="form-actions">
        <button type="button" className="button" onClick={start} disabled={busy}>
          {preview ? 'Restart preview' : 'Start preview'}
        </button>
        {preview ? <span className="meta">Running v{preview.guide_version}</span> : null}
      </div>
      {error ? (
        <div className="state error" role="alert">
          <strong>Preview failed.</strong>
          <span>{error}</span>
        </div>
      ) : null}
      {preview ? (
        <>
          <ol className="transcript preview-chat" aria-label="Preview conversation" aria-live="polite">
            {messages.map((m) => (
              <li key={m.id} className={`bubble ${m.role}`}>
                <div className="who">{m.role === 'interviewer' ? 'Interviewer' : 'You'}</div>
                {m.text}
              </li>
            ))}
            {streaming !== null ? (
              <li className="bubble interviewer" aria-busy="true">
                <div className="who">Interviewer</div>
                {streaming || '…'}
              </li>
            ) : null}
          </ol>
          {ended ? (
            <p className="meta" role="status">
              The interview is {status}.
            </p>
          ) : (
            <form
              className="preview-input"
              onSubmit={(e) => {
                e.preventDefault();
                void send();
              }}
            >
              <label htmlFor={inputId} className="visually-hidden">
                Your answer
              </label>
              <textarea
                id={inputId}
                rows={2}
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder="Answer as a customer would…"
              />
              <button type="submit" className="button" disabled={busy || !text.trim()}>
                Send
              </button>
            </form>
          )}
        </>
      ) : (
        <p className="meta">Runs the saved version as a real interview with a preview contact.</p>
      )}
    </div>
  );
}
