// wink-nlp tokenisation (stack-notes §3): normalised tokens, contractions expanded ("n't" -> "not").
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

type Nlp = ReturnType<typeof winkNLP>;

let nlp: Nlp | undefined;

/** The shared tokeniser, built on first use with no pipeline beyond tokenisation. */
export function tokenizer(): Nlp {
  nlp ??= winkNLP(model, []);
  return nlp;
}

/** Lower-cased normal forms of the tokens of one utterance. */
export function tokenize(text: string): string[] {
  const engine = tokenizer();
  return engine.readDoc(text).tokens().out(engine.its.normal);
}
