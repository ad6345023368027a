// RFC 4180 CSV reader (quoted fields, doubled quotes, newlines inside quotes).

class CsvReader {
  readonly rows: string[][] = [];
  private row: string[] = [];
  private field = "";

  endField(): void {
    this.row.push(this.field.replace(/\r$/, ""));
    this.field = "";
  }

  endRow(): void {
    this.endField();
    this.rows.push(this.row);
    this.row = [];
  }

  read(text: string): string[][] {
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const char = text.charAt(i);
      if (quoted && char === '"' && text.charAt(i + 1) === '"') {
        this.field += '"';
        i++;
      } else if (char === '"') quoted = !quoted;
      else if (quoted) this.field += char;
      else if (char === ",") this.endField();
      else if (char === "\n") this.endRow();
      else this.field += char;
    }
    if (this.field !== "" || this.row.length > 0) this.endRow();
    return this.rows;
  }
}

/** Rows of fields; a trailing newline does not produce an empty row. */
export function parseCsv(text: string): string[][] {
  return new CsvReader().read(text);
}

/** Rows as objects keyed by the header row. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row) =>
    Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])),
  );
}
