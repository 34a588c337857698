// Places the tour card next to the step's target and marks the target; remembers and restores focus.
let returnFocus = null;

function isVisible(el) {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < window.innerWidth && getComputedStyle(el).visibility !== 'hidden';
}

function clear() {
    document.querySelectorAll('.tour-target').forEach(e => {
        e.classList.remove('tour-target');
        e.style.outline = e.dataset.tourOutline ?? '';
        e.style.outlineOffset = '';
        delete e.dataset.tourOutline;
    });
}

export function open() {
    returnFocus = document.activeElement;
}

export function show(card, selectors) {
    clear();
    let target = null;
    for (const selector of selectors) {
        target = [...document.querySelectorAll(selector)].find(isVisible);
        if (target) break;
    }
    if (target) {
        target.classList.add('tour-target');
        target.dataset.tourOutline = target.style.outline;
        target.style.outline = '3px solid var(--mud-palette-warning)';
        const box = target.getBoundingClientRect();
        // Inside the edge when the target touches the window's edge (the menu drawer), where an outside ring is clipped.
        target.style.outlineOffset = box.left < 4 || box.top < 4 || box.height > window.innerHeight / 2 ? '-3px' : '2px';
        target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    // On a phone the card sits at the bottom (CSS); on a desk screen beside or below its target.
    if (card && window.innerWidth >= 600) {
        const gap = 12, margin = 16;
        const w = card.offsetWidth, h = card.offsetHeight;
        let top = window.innerHeight - h - margin, left = window.innerWidth - w - margin;
        if (target) {
            const r = target.getBoundingClientRect();
            if (r.right + gap + w + margin <= window.innerWidth && r.height > h / 2) {
                left = r.right + gap; top = Math.max(margin, r.top);
            } else {
                top = r.bottom + gap + h + margin <= window.innerHeight ? r.bottom + gap : Math.max(margin, r.top - gap - h);
                left = Math.min(Math.max(margin, r.left), window.innerWidth - w - margin);
            }
            top = Math.min(top, window.innerHeight - h - margin);
        }
        card.style.top = `${Math.max(margin, top)}px`;
        card.style.left = `${Math.max(margin, left)}px`;
    }
    const title = card?.querySelector('.tour-title');
    (title ?? card)?.focus();
}

export function close() {
    clear();
    if (returnFocus && document.contains(returnFocus) && returnFocus !== document.body) {
        returnFocus.focus();
    }
    returnFocus = null;
}
