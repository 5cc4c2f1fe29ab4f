// The demo page: for now it reports which backend this browser trains on.
import { acquireDevice } from '../gpu/device';

const status = document.querySelector('#status')!;
acquireDevice().then(
  ({ description }) => (status.textContent = `WebGPU ready on ${description}.`),
  (error: Error) => (status.textContent = `${error.message} The CPU backend will be used.`),
);
