/**
 * The camera, for a class's photos: asked for only when the learner presses its button
 * (`getUserMedia`), shown live until they press Done or the element leaves the page, when
 * every track stops. A refusal or a machine without a camera is a message, nothing more.
 *
 * @example
 * import type { LitElement } from 'lit';
 * // given: const host: LitElement, video: HTMLVideoElement
 * const camera = new PhotoCamera(host, async (name, shot) => console.log(name, shot.width));
 * await camera.open('grizzly');
 * await camera.snap(video);
 * camera.close();
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Why the camera gave no photo, for the page to say in its language: it did not open, it sent
 * no picture in FIRST_FRAME_MS, or its picture could not be read; `reason` is the browser's
 * words ('' for a silent camera).
 */
export interface CameraProblem {
  kind: 'open' | 'silent' | 'shot';
  reason: string;
}

/** How long Take photo waits for a camera's first picture. */
export const FIRST_FRAME_MS = 5000;

export class PhotoCamera implements ReactiveController {
  /** The class the open camera's photos go to; null while it is closed. */
  className: string | null = null;
  stream: MediaStream | null = null;
  /** Why the camera did not open or gave no photo, or null. */
  problem: CameraProblem | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** A photo taken for a class. */
    private readonly taken: (className: string, photo: ImageBitmap) => Promise<void>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.close();
  }

  async open(className: string): Promise<void> {
    this.close();
    this.className = className;
    this.problem = null;
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('this browser gives no camera to a page (it needs https or localhost)');
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (error) {
      this.className = null;
      this.problem = { kind: 'open', reason: error instanceof Error ? error.message : String(error) };
    }
    this.host.requestUpdate();
  }

  /**
   * The video's frame now, as a photo of the open class. A video without a frame yet (its
   * stream just set, or a busy machine's camera late) is waited for, not skipped: a press of
   * Take photo that did nothing, silently, was a test that failed once in a full run. A
   * camera that sends no picture says so.
   */
  async snap(video: HTMLVideoElement): Promise<void> {
    const className = this.className;
    if (!className) return;
    const shot = await frameOf(video);
    if ('kind' in shot) {
      this.problem = shot;
      this.host.requestUpdate();
      return;
    }
    this.problem = null;
    await this.taken(className, shot);
  }

  close(): void {
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.className = null;
    this.host.requestUpdate();
  }
}

/** The video's picture now, waiting for its first; or why there is none. */
async function frameOf(video: HTMLVideoElement): Promise<ImageBitmap | CameraProblem> {
  if (video.videoWidth === 0 && !(await firstFrame(video))) return { kind: 'silent', reason: '' };
  try {
    return await createImageBitmap(video);
  } catch (error) {
    return { kind: 'shot', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** True once the video has a picture (its size known); false when none came in FIRST_FRAME_MS. */
function firstFrame(video: HTMLVideoElement): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (came: boolean) => {
      clearTimeout(timer);
      video.removeEventListener('loadeddata', ready);
      video.removeEventListener('resize', ready);
      resolve(came);
    };
    const ready = () => video.videoWidth > 0 && settle(true);
    const timer = setTimeout(() => settle(false), FIRST_FRAME_MS);
    video.addEventListener('loadeddata', ready);
    video.addEventListener('resize', ready);
  });
}
