// Drives a local HTTP endpoint with autocannon (loopback only, bounded in time).
import autocannon from "autocannon";

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
}

export const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);

/** Warms the endpoint up for a second (JIT, caches), then measures for DURATION_S. */
export async function load(
  url: string,
  options: {
    headers?: Record<string, string>;
    method?: "GET" | "POST";
    body?: string;
    connections?: number;
  } = {},
): Promise<LoadResult> {
  const request = {
    url,
    method: options.method ?? "GET",
    headers: options.headers ?? {},
    ...(options.body ? { body: options.body } : {}),
    connections: options.connections ?? 10,
  };
  await autocannon({ ...request, duration: 1 });
  const result = await autocannon({ ...request, duration: DURATION_S });
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}
