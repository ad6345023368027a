// The one place that reads the machine's time. Everything else takes a Clock (the context's, or
// one passed in), so tests run on a fake clock and the suite passes on any date; lint forbids
// `Date.now()`, `Date()` and argument-less `new Date()` outside this file.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
