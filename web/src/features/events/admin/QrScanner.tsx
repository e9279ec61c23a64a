import { Camera, CameraOff } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { qrFrameReader } from './qr-frame-reader';

type Problem = 'unavailable' | 'denied' | 'noCamera' | 'failed';

/** Why the camera did not start, from the DOMException getUserMedia rejects with. */
function problemOf(caught: unknown): Problem {
  const name = caught instanceof Error ? caught.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noCamera';
  return 'failed';
}

/**
 * The phone's camera as a QR reader for 受付. Permission is asked only when staff press the button;
 * every code read is handed to `onCode` once (the same code held in view is not sent again until
 * another has been read), and the camera stays on for the next person until stopped or the page is left.
 * When the camera cannot be used, the reason is shown and the typed code remains the way in.
 */
export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const stopCurrent = useRef<(() => void) | null>(null);
  const latest = useRef(onCode);
  latest.current = onCode;
  const [state, setState] = useState<'off' | 'starting' | 'on'>('off');
  const [problem, setProblem] = useState<Problem | null>(null);

  const stop = () => {
    stopCurrent.current?.();
    stopCurrent.current = null;
    setState('off');
  };
  useEffect(() => () => stopCurrent.current?.(), []);

  const start = async () => {
    setProblem(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem('unavailable');
      return;
    }
    setState('starting');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' } },
        audio: false,
      });
    } catch (caught) {
      setProblem(problemOf(caught));
      setState('off');
      return;
    }
    let running = true;
    let frame = 0;
    stopCurrent.current = () => {
      running = false;
      cancelAnimationFrame(frame);
      for (const track of stream.getTracks()) track.stop();
    };
    const element = video.current;
    try {
      if (!element) throw new Error('the video element is gone');
      element.srcObject = stream;
      await element.play();
      const read = await qrFrameReader();
      setState('on');
      let last: string | null = null;
      const tick = async () => {
        if (!running) return;
        const text = await read(element).catch(() => null);
        if (running && text && text !== last) {
          last = text;
          navigator.vibrate?.(80);
          latest.current(text);
        }
        if (running) frame = requestAnimationFrame(tick);
      };
      frame = requestAnimationFrame(tick);
    } catch {
      stop();
      setProblem('failed');
    }
  };

  return (
    <div className="qr-scanner">
      {state === 'off' ? (
        <button type="button" className="secondary check-in-submit" onClick={start}>
          <Camera aria-hidden="true" className="icon" /> {t('eventsConsole.scan.start')}
        </button>
      ) : (
        <button type="button" className="secondary check-in-submit" onClick={stop}>
          <CameraOff aria-hidden="true" className="icon" /> {t('eventsConsole.scan.stop')}
        </button>
      )}
      {state === 'starting' && <p className="hint">{t('eventsConsole.scan.starting')}</p>}
      {state === 'on' && <p className="hint">{t('eventsConsole.scan.hint')}</p>}
      <video
        ref={video}
        className="qr-scanner-view"
        hidden={state === 'off'}
        muted
        playsInline
        aria-label={t('eventsConsole.scan.view')}
      />
      {problem && (
        <p className="alert alert-error" role="alert">
          {t(`eventsConsole.scan.${problem}`)}
        </p>
      )}
    </div>
  );
}
