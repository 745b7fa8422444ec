// Vite's `?raw` import: the file's text. Here only for the message catalogues (note-words.ts).
declare module '*.json?raw' {
  const text: string;
  export default text;
}
