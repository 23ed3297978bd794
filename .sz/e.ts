import { h, render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
function A() { const [a, s] = useState(0); const r = useRef(null); useEffect(() => s(1), []); return h('p', { ref: r }, a); }
render(h(A, null), document.body);
