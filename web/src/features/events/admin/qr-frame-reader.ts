/**
 * Reads QR codes from a playing video. The browser's own BarcodeDetector is used where it reads QR
 * codes (Chrome on Android and macOS, Safari); elsewhere (Firefox, Chrome on Linux and Windows) frames
 * are decoded with jsQR, loaded only then so phones that do not need it never download it.
 */
export type FrameReader = (video: HTMLVideoElement) => Promise<string | null>;

type DetectedBarcode = { rawValue: string };
type BarcodeDetectorLike = { detect(source: CanvasImageSource): Promise<DetectedBarcode[]> };
type BarcodeDetectorClass = {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
};

async function nativeReader(): Promise<FrameReader | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return null;
  } catch {
    return null;
  }
  const detector = new Detector({ formats: ['qr_code'] });
  return async (video) => {
    const [first] = await detector.detect(video);
    return first?.rawValue ?? null;
  };
}

/** Frames are scaled down to this width: enough for a code held up to the camera, and quick to decode. */
const decodeWidth = 640;

async function decodingReader(): Promise<FrameReader> {
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('canvas 2d is unavailable');
  return async (video) => {
    if (!video.videoWidth || !video.videoHeight) return null;
    const scale = Math.min(1, decodeWidth / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    // Screens show dark modules on light; skipping the inverted pass halves the work per frame.
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
}

export async function qrFrameReader(): Promise<FrameReader> {
  return (await nativeReader()) ?? (await decodingReader());
}
