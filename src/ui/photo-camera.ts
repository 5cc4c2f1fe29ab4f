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

export class PhotoCamera implements ReactiveController {
  /** The class the open camera's photos go to; null while it is closed. */
  className: string | null = null;
  stream: MediaStream | null = null;
  /** Why the camera did not open, or null. */
  problem: string | null = null;

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
      this.problem = `The camera did not open: ${error instanceof Error ? error.message : String(error)}.`;
    }
    this.host.requestUpdate();
  }

  /** The video's frame now, as a photo of the open class. */
  async snap(video: HTMLVideoElement): Promise<void> {
    if (!this.className || video.videoWidth === 0) return;
    await this.taken(this.className, await createImageBitmap(video));
  }

  close(): void {
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.className = null;
    this.host.requestUpdate();
  }
}
