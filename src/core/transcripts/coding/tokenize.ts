// wink-nlp tokenisation (stack-notes §3): normal forms with contractions split ("can't" -> "ca"
// "n't"); features.ts folds them to lower case and reads "n't" as "not".
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

type Nlp = ReturnType<typeof winkNLP>;

interface Engine {
  nlp: Nlp;
  normal: Nlp["its"]["normal"];
}

let engine: Engine | undefined;

/** The shared tokeniser, built on first use with no pipeline beyond tokenisation. */
export function tokenizer(): Nlp {
  return loadEngine().nlp;
}

function loadEngine(): Engine {
  if (!engine) {
    const nlp = winkNLP(model, []);
    engine = { nlp, normal: nlp.its.normal.bind(nlp.its) };
  }
  return engine;
}

/** Normal forms of the tokens of one utterance (case kept; see featureToken). */
export function tokenize(text: string): string[] {
  const { nlp, normal } = loadEngine();
  return nlp.readDoc(text).tokens().out(normal);
}
