import { describe, expect, it } from 'vitest';
import { detectFormat, parseFile, toCsv, toJsonl, type ExportRow } from './formats';
import { checkFile, checkRow } from './import';

const ok = (text: string) => {
  const p = parseFile(text);
  expect(p.fileProblem).toBeNull();
  return p;
};

describe('CSV', () => {
  it('maps expectedOutput and tags; every other column is a variable', () => {
    const p = ok('comment,lang,expectedOutput,tags\nBuy now,en,"{""violation"": true}","spam, hard"\n');
    expect(p.format).toBe('csv');
    expect(p.columns).toEqual(['comment', 'lang', 'expectedOutput', 'tags']);
    expect(p.rows).toEqual([{ row: 1, line: 2, variables: { comment: 'Buy now', lang: 'en' }, expectedOutput: '{"violation": true}', tags: ['spam', 'hard'], problems: [] }]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and counts lines', () => {
    const text = 'q,expectedOutput\n"a, b","say ""hi"""\n"line 1\nline 2\nline 3",x\nlast,y\n';
    const p = ok(text);
    expect(p.rows.map((r) => [r.row, r.line, r.variables.q, r.expectedOutput])).toEqual([
      [1, 2, 'a, b', 'say "hi"'],
      [2, 3, 'line 1\nline 2\nline 3', 'x'],
      [3, 6, 'last', 'y'],
    ]);
  });

  it('drops a byte order mark, takes CRLF and lone CR line endings, and skips blank lines', () => {
    const p = ok('\ufeffname,expectedOutput\r\n"two\r\nlines",a\r\n\r\nb,c\rd,e');
    expect(p.columns).toEqual(['name', 'expectedOutput']);
    expect(p.rows.map((r) => [r.variables.name, r.expectedOutput, r.line])).toEqual([
      ['two\nlines', 'a', 2],
      ['b', 'c', 5],
      ['d', 'e', 6],
    ]);
  });

  it('keeps unicode as is (accents, CJK, emoji, right-to-left)', () => {
    const p = ok('text,expectedOutput\n"héllo 你好 👩‍💻 مرحبا",✓\n');
    expect(p.rows[0]).toMatchObject({ variables: { text: 'héllo 你好 👩‍💻 مرحبا' }, expectedOutput: '✓' });
  });

  it('takes semicolon- and tab-separated files by their header', () => {
    expect(ok('a;expectedOutput\n"1,5";x\n').rows[0]).toMatchObject({ variables: { a: '1,5' }, expectedOutput: 'x' });
    expect(ok('a\texpectedOutput\n1\tx\n').rows[0]).toMatchObject({ variables: { a: '1' }, expectedOutput: 'x' });
  });

  it('names the row and line of a wrong field count or an unterminated quote', () => {
    const p = parseFile('a,b,expectedOutput\n1,2,3\n4,5\n6,7,8,9\n');
    expect(p.rows.map((r) => [r.row, r.line, r.problems.length > 0])).toEqual([
      [1, 2, false],
      [2, 3, true],
      [3, 4, true],
    ]);
    expect(p.rows[1]!.problems[0]!.message).toMatch(/2 fields, the header has 3/);
    const q = parseFile('a,expectedOutput\nok,1\n"open,2\n');
    expect(q.rows[1]!.problems[0]).toMatchObject({ field: '(row)', message: expect.stringMatching(/unterminated/i) });
  });

  it('refuses a file without a header, with an unnamed or doubled column', () => {
    expect(parseFile('').fileProblem).toMatch(/empty/);
    expect(parseFile('\n\n').fileProblem).toMatch(/empty/);
    expect(parseFile('a,expectedOutput\n').fileProblem).toMatch(/no rows/);
    expect(parseFile('a,,b\n1,2,3\n').fileProblem).toMatch(/Column 2/);
    expect(parseFile('a,a\n1,2\n').fileProblem).toMatch(/twice/);
    expect(parseFile('expectedOutput,ExpectedOutput\n1,2\n').fileProblem).toMatch(/twice/);
  });

  it('flags NUL inside a cell on that row', () => {
    const p = parseFile('a,expectedOutput\nx\u0000y,1\nfine,2\n');
    expect(p.rows[0]!.problems).toEqual([{ field: 'a', message: expect.stringMatching(/NUL/) }]);
    expect(p.rows[1]!.problems).toEqual([]);
  });
});

describe('JSON Lines', () => {
  it('reads {variables, expectedOutput, tags} and flat objects, skipping blank lines', () => {
    const p = ok('{"variables": {"a": 1, "nested": {"b": [1, 2]}}, "expectedOutput": "x", "tags": ["t"]}\n\n{"comment": "hi", "expectedOutput": "y"}\n');
    expect(p.format).toBe('jsonl');
    expect(p.rows).toEqual([
      { row: 1, line: 1, variables: { a: 1, nested: { b: [1, 2] } }, expectedOutput: 'x', tags: ['t'], problems: [] },
      { row: 2, line: 3, variables: { comment: 'hi' }, expectedOutput: 'y', tags: undefined, problems: [] },
    ]);
    expect(p.columns).toEqual(['a', 'nested', 'comment']);
  });

  it('names bad lines: broken JSON, not an object, unknown fields, NUL escapes', () => {
    const p = parseFile('{"variables": {}}\n{"variables": \n[1]\n{"variables": {}, "extra": 1}\n{"variables": {"a": "x\\u0000"}}\n{"variables": "no"}\n', 'jsonl');
    expect(p.rows.map((r) => [r.row, r.line, r.problems[0]?.field ?? null])).toEqual([
      [1, 1, null],
      [2, 2, '(row)'],
      [3, 3, '(row)'],
      [4, 4, 'extra'],
      [5, 5, 'variables'],
      [6, 6, 'variables'],
    ]);
  });

  it('detects the format from the first character', () => {
    expect(detectFormat('\ufeff  {"a": 1}')).toBe('jsonl');
    expect(detectFormat('a,b\n')).toBe('csv');
  });
});

describe('checking rows', () => {
  it('turns a non-text expectedOutput into its JSON text and an absent one into ""', () => {
    const [a, b] = parseFile('{"variables": {}, "expectedOutput": {"violation": true}}\n{"variables": {}}\n').rows;
    expect(checkRow(a!).example?.expectedOutput).toBe('{"violation":true}');
    expect(checkRow(b!).example?.expectedOutput).toBe('');
  });

  it('validates tags per row (no spaces, at most 20, unique)', () => {
    const rows = parseFile('{"variables": {}, "tags": ["a b"]}\n{"variables": {}, "tags": "x"}\n{"variables": {}, "tags": ["x", "x"]}\n').rows.map(checkRow);
    expect(rows[0]!.errors[0]).toMatchObject({ row: 1, field: 'tags' });
    expect(rows[1]!.errors[0]).toMatchObject({ row: 2, field: 'tags' });
    expect(rows[2]!.example?.tags).toEqual(['x']);
  });

  it('refuses more rows than one import takes', () => {
    const big = 'a\n' + 'x\n'.repeat(10_001);
    expect(() => checkFile(big)).toThrow(/at most 10000/);
  });
});

describe('writing', () => {
  const rows: ExportRow[] = [
    { variables: { comment: 'Say "hi", then\nleave', n: 3, obj: { a: [1] } }, expectedOutput: '{"violation": false}', tags: ['a', 'b'] },
    { variables: { comment: 'naïve 🙂', extra: '' }, expectedOutput: '', tags: [] },
  ];

  it('CSV quotes what needs it and reads back to the same text', () => {
    const csv = toCsv(rows);
    expect(csv.split('\r\n')[0]).toBe('comment,n,obj,extra,expectedOutput,tags');
    expect(csv).toContain('"Say ""hi"", then\nleave"');
    const back = ok(csv).rows.map(checkRow).map((r) => r.example);
    expect(back[0]).toMatchObject({ variables: { comment: 'Say "hi", then\nleave', n: '3', obj: '{"a":[1]}', extra: '' }, expectedOutput: '{"violation": false}', tags: ['a', 'b'] });
    expect(back[1]).toMatchObject({ variables: { comment: 'naïve 🙂', n: '', obj: '', extra: '' }, expectedOutput: '', tags: [] });
  });

  it('JSON Lines reads back exactly, JSON types included', () => {
    const back = ok(toJsonl(rows)).rows.map(checkRow).map((r) => r.example && { variables: r.example.variables, expectedOutput: r.example.expectedOutput, tags: r.example.tags });
    expect(back).toEqual(rows);
    expect(toJsonl([])).toBe('');
  });
});
