import { render } from 'preact';
import { Picker } from './Picker';

const root = document.getElementById('app');
// The session token travels in the fragment: never sent to any server, readable only by this page.
if (root) render(<Picker token={location.hash.slice(1)} />, root);
