/**
 * The data a run trains on, wherever it comes from: line's generated on the device, the
 * built-in tables (from the bundle on the page; from the page, in the CPU worker), the
 * planar sets drawn on the host, or the learner's own; split and prepared on the host, then
 * uploaded, a planar one's points made into the run's features there.
 *
 * @example
 * import { loadBuiltin } from '../train/data/builtin-sets';
 * // given: const backend: Backend, config: RunConfig
 * const data = new RunData(loadBuiltin);
 * const tables = await data.load(backend, config);
 */
import type { Backend } from '../backend';
import { yieldToPage } from '../cpu/yield-to-page';
import { loadTable, type BuiltinData } from '../train/data/load-table';
import { stackPrepared, type PreparedData } from '../train/data/prepare';
import { generateLineData, generateLineTables, planarFeatureTables, uploadData, type DeviceData } from '../train/data/device-data';
import { batchesLinearRuns, type BatchRun } from '../train/loop/linear-batch';
import { trainsInBatches } from '../train/model/builders';
import { scenarioOf } from '../train/scenarios/table';
import type { RunConfig } from '../train/types';

export class RunData {
  constructor(
    /** Where the built-in data sets come from: the bundle on the page; the page, in the worker. */
    private readonly builtin: BuiltinData,
  ) {}

  /** The run's tables on the device. */
  async load(backend: Backend, config: RunConfig): Promise<DeviceData> {
    if (scenarioOf(config).data.source === 'line') return generateLineData(backend, config);
    const prepared = await this.host(config);
    // Preparing (a parse, a shuffle, 5,000 photos cut) and uploading are each a task of their own on the page.
    await yieldToPage();
    return deviceTables(backend, prepared, config);
  }

  /** The table a non-line scenario trains on, split and prepared on the host. */
  host(config: RunConfig): Promise<PreparedData> {
    return loadTable(config, this.builtin);
  }

  /** The data's class names, where it has them (cancer's; a CSV's), for a message about one class. */
  async classNames(config: RunConfig): Promise<string[] | undefined> {
    const { data } = scenarioOf(config);
    if (data.source === 'builtin') return (await this.builtin(data.set)).classNames;
    return config.data?.classNames;
  }

  /** Each seed's split of the data, stacked for one batch; null for line (batched its own way) or when their row counts differ. */
  async stackedSeeds(backend: Backend, seedConfigs: RunConfig[]): Promise<DeviceData | null> {
    // Line is batched its own way; photo models train one copy at a time (Sequential).
    if (scenarioOf(seedConfigs[0]!).data.source === 'line' || !trainsInBatches(seedConfigs[0]!)) return null;
    const stacked = stackPrepared(await Promise.all(seedConfigs.map((c) => this.host(c))));
    await yieldToPage();
    return stacked ? deviceTables(backend, stacked, seedConfigs[0]!) : null;
  }
}

/** The runs as one fused batch on line data generated together, or null when they cannot share one. */
export function linearBatch(backend: Backend, configs: RunConfig[]): { runs: BatchRun[]; release: () => void } | null {
  if (configs.some((c) => scenarioOf(c).data.source !== 'line')) return null;
  const { datasets, owned } = generateLineTables(backend, configs.map((c) => ({ seed: c.seed, trainRows: c.trainSize })));
  const runs = configs.map((config, i) => ({ config, data: datasets[i]! }));
  const release = () => owned.forEach((t) => backend.release(t));
  if (batchesLinearRuns(runs)) return { runs, release };
  release();
  return null;
}

/** A prepared table on the device; a planar one's points become the run's features there. */
async function deviceTables(backend: Backend, prepared: PreparedData, config: RunConfig): Promise<DeviceData> {
  const data = await uploadData(backend, prepared);
  return scenarioOf(config).planar ? planarFeatureTables(backend, data, config.features) : data;
}
