import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_FRAME_MS, PhotoCamera } from './photo-camera';

/** A video element as snap reads it: a size, and the events that say a picture came. */
class FakeVideo extends EventTarget {
  videoWidth = 0;
  /** The camera's first picture arrives. */
  frame(): void {
    this.videoWidth = 640;
    this.dispatchEvent(new Event('resize'));
  }
}

function camera(): { camera: PhotoCamera; shots: string[] } {
  const shots: string[] = [];
  const host = { addController: () => undefined, removeController: () => undefined, requestUpdate: () => undefined, updateComplete: Promise.resolve(true) };
  const made = new PhotoCamera(host, async (name, shot) => void shots.push(`${name} ${shot.width}`));
  made.className = 'mugs';
  return { camera: made, shots };
}

describe('the camera', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits for the first picture of a video that has none yet, then takes the photo', async () => {
    vi.stubGlobal('createImageBitmap', async (video: FakeVideo) => ({ width: video.videoWidth }));
    const { camera: shooter, shots } = camera();
    const video = new FakeVideo();
    const snapped = shooter.snap(video as unknown as HTMLVideoElement);
    await Promise.resolve();
    expect(shots).toEqual([]);
    video.frame();
    await snapped;
    expect(shots).toEqual(['mugs 640']);
    expect(shooter.problem).toBeNull();
  });

  it('says so when the camera sends no picture, and takes nothing', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('createImageBitmap', async (video: FakeVideo) => ({ width: video.videoWidth }));
    const { camera: shooter, shots } = camera();
    const snapped = shooter.snap(new FakeVideo() as unknown as HTMLVideoElement);
    await vi.advanceTimersByTimeAsync(FIRST_FRAME_MS);
    await snapped;
    expect(shots).toEqual([]);
    expect(shooter.problem).toEqual({ kind: 'silent', reason: '' });
  });

  it("says the browser's reason when the picture cannot be read, and takes nothing", async () => {
    vi.stubGlobal('createImageBitmap', async () => {
      throw new Error('The source image could not be decoded.');
    });
    const { camera: shooter, shots } = camera();
    const video = new FakeVideo();
    video.frame();
    await shooter.snap(video as unknown as HTMLVideoElement);
    expect(shots).toEqual([]);
    expect(shooter.problem).toEqual({ kind: 'shot', reason: 'The source image could not be decoded.' });
  });
});
