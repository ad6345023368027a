// Gathers caption pieces into speaker turns: consecutive pieces by one speaker form one utterance.
import type { Utterance } from "../transcript.js";

export interface CaptionPiece {
  speaker: string;
  text: string;
  line: number;
  start?: number;
  end?: number;
}

export class TurnCollector {
  readonly utterances: Utterance[] = [];

  get lastSpeaker(): string | undefined {
    return this.utterances.at(-1)?.speaker;
  }

  add(piece: CaptionPiece): void {
    if (piece.text === "") return;
    const last = this.utterances.at(-1);
    if (last && last.speaker === piece.speaker) {
      last.text = `${last.text} ${piece.text}`;
      if (piece.end !== undefined) last.end = piece.end;
      return;
    }
    const utterance: Utterance = {
      speaker: piece.speaker,
      text: piece.text,
      line: piece.line,
    };
    if (piece.start !== undefined) utterance.start = piece.start;
    if (piece.end !== undefined) utterance.end = piece.end;
    this.utterances.push(utterance);
  }
}
