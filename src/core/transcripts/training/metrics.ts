// F1 per class and macro-F1 (the unweighted mean over classes), as the AnnoMI references report.

export function f1PerClass(
  gold: readonly string[],
  predicted: readonly string[],
  classes: readonly string[],
): Record<string, number> {
  const result: Record<string, number> = {};
  for (const label of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === label && g === label) tp++;
      else if (p === label) fp++;
      else if (g === label) fn++;
    });
    result[label] = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return result;
}

export function macroF1(
  gold: readonly string[],
  predicted: readonly string[],
): number {
  const classes = [...new Set(gold)].sort();
  const scores = Object.values(f1PerClass(gold, predicted, classes));
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}
