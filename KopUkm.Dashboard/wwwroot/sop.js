// The SOP page's print button (a light page: no Blazor, and the policy allows only scripts from this site).
document.getElementById('sop-print')?.addEventListener('click', () => window.print());
