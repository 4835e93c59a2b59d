import { useEffect, useState } from 'react';
import './controls.css';

/** Copies with the Clipboard API, or by selecting a scratch textarea where that is not allowed. */
async function copyText(text: string) {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

/** A button that copies `text` and says so (to screen readers too) for a moment. */
export function CopyButton({ text, label = 'Copy', what }: { text: string; label?: string; what: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={copied ? `${what} copied` : `${label} ${what}`}
      onClick={async () => {
        await copyText(text);
        setCopied(true);
      }}
    >
      <span aria-hidden="true">{copied ? '✓ Copied' : label}</span>
      <span className="visually-hidden" aria-live="polite">
        {copied ? `${what} copied to the clipboard` : ''}
      </span>
    </button>
  );
}
