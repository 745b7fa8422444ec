import type { Plugin } from 'vite';

/**
 * Keyward never renders HTML from a string. Preact still ships the dangerouslySetInnerHTML path,
 * the one place its runtime assigns innerHTML, which web-ext lint rightly flags. This plugin cuts
 * that path out so it cannot be reached, and fails the build if a Preact update moves it, rather
 * than letting the assignment back in unnoticed.
 */
export function noInnerHtml(): Plugin {
  const assignment = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
  return {
    name: 'keyward-no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
      const matches = code.match(assignment);
      if (!matches || matches.length !== 1) {
        throw new Error('keyward-no-inner-html: Preact\'s innerHTML assignment was not found exactly once; check this plugin against the new Preact.');
      }
      return {
        code: code.replace(assignment, '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Keyward")})()'),
        map: null,
      };
    },
  };
}
