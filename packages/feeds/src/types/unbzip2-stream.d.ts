// unbzip2-stream 1.4.3 ships no types. It returns a classic `through` stream (Buffer in,
// Buffer out) that emits 'error' on corrupt or truncated input.
declare module 'unbzip2-stream' {
  function unbzip2Stream(): NodeJS.ReadWriteStream;
  export = unbzip2Stream;
}
