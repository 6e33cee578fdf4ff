// Progress of a multi-page run on stderr: a bar redrawn in place on a terminal, one plain
// line per finished page otherwise (CI logs keep every line).

/**
 * @param {NodeJS.WriteStream} stream
 * @param {number} total pages
 * @returns {{ pageDone(url: string, ok: boolean): void, end(): void }}
 */
export function progress(stream, total) {
  if (total < 2) return { pageDone() {}, end() {} };
  let done = 0;
  if (stream.isTTY) {
    const width = 30;
    const draw = () => {
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} pages`);
    };
    draw();
    return {
      pageDone() {
        done++;
        draw();
      },
      end: () => stream.write('\n'),
    };
  }
  return {
    pageDone(url, ok) {
      done++;
      stream.write(`scanned ${done}/${total} ${ok ? '✓' : '✗'} ${url}\n`);
    },
    end() {},
  };
}
