// Every page of the console: its hash route, who may open it, and where it sits in the menu.
// A page module exports render(main, ...params) and may return a cleanup function.
export const routes = [
  {pattern: /^\/login$/, load: () => import('./pages/login.js'), title: 'nav.login', guestOnly: true},
  {pattern: /^\/register$/, load: () => import('./pages/register.js'), title: 'nav.register', guestOnly: true},
  {pattern: /^\/dashboard$/, load: () => import('./pages/dashboard.js'), title: 'nav.dashboard', auth: true},
  {pattern: /^\/keys$/, load: () => import('./pages/keys.js'), title: 'nav.keys', auth: true},
  {pattern: /^\/models$/, load: () => import('./pages/models.js'), title: 'nav.models'},
  {pattern: /^\/models\/([^/]+)\/([^/]+)$/, load: () => import('./pages/model.js'), title: 'nav.models'},
  {pattern: /^\/leaderboard$/, load: () => import('./pages/leaderboard.js'), title: 'nav.leaderboard'},
  {pattern: /^\/billing$/, load: () => import('./pages/billing.js'), title: 'nav.billing', auth: true},
  {pattern: /^\/usage$/, load: () => import('./pages/usage.js'), title: 'nav.usage', auth: true},
  {pattern: /^\/admin\/users$/, load: () => import('./admin/users.js'), title: 'nav.admin.users', auth: true, admin: true},
  {pattern: /^\/admin\/system$/, load: () => import('./admin/system.js'), title: 'nav.admin.system', auth: true, admin: true},
  {pattern: /^\/admin\/models$/, load: () => import('./admin/models.js'), title: 'nav.admin.models', auth: true, admin: true},
  {pattern: /^\/admin\/payments$/, load: () => import('./admin/payments.js'), title: 'nav.admin.payments', auth: true, admin: true},
  {pattern: /^\/admin\/codes$/, load: () => import('./admin/codes.js'), title: 'nav.admin.codes', auth: true, admin: true},
  {pattern: /^\/admin\/webhooks$/, load: () => import('./admin/webhooks.js'), title: 'nav.admin.webhooks', auth: true, admin: true},
  {pattern: /^\/admin\/processors$/, load: () => import('./admin/processors.js'), title: 'nav.admin.processors', auth: true, admin: true},
  {pattern: /^\/admin\/ledger$/, load: () => import('./admin/ledger.js'), title: 'nav.admin.ledger', auth: true, admin: true},
];

/** The menu for this visitor: guests see the public pages and sign-in, admins also the admin pages. */
export function navigation(signedIn, admin) {
  if (!signedIn) {
    return [
      {path: '/models', label: 'nav.models'},
      {path: '/leaderboard', label: 'nav.leaderboard'},
      {path: '/login', label: 'nav.login'},
      {path: '/register', label: 'nav.register'},
    ];
  }
  const links = [
    {path: '/dashboard', label: 'nav.dashboard'},
    {path: '/keys', label: 'nav.keys'},
    {path: '/models', label: 'nav.models'},
    {path: '/leaderboard', label: 'nav.leaderboard'},
    {path: '/billing', label: 'nav.billing'},
    {path: '/usage', label: 'nav.usage'},
  ];
  if (admin) {
    links.push({group: 'nav.admin'},
      {path: '/admin/users', label: 'nav.admin.users'},
      {path: '/admin/system', label: 'nav.admin.system'},
      {path: '/admin/models', label: 'nav.admin.models'},
      {path: '/admin/payments', label: 'nav.admin.payments'},
      {path: '/admin/codes', label: 'nav.admin.codes'},
      {path: '/admin/webhooks', label: 'nav.admin.webhooks'},
      {path: '/admin/processors', label: 'nav.admin.processors'},
      {path: '/admin/ledger', label: 'nav.admin.ledger'});
  }
  return links;
}
