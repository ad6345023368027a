// wink-nlp tokenisation (stack-notes §3): normalised tokens, contractions expanded ("n't" -> "not").
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

/** Lower-cased normal forms of the tokens of one utterance. */
export function tokenize(text: string): string[] {
  const { nlp, normal } = loadEngine();
  return nlp.readDoc(text).tokens().out(normal);
}
