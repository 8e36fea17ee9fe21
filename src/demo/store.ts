/** The demo API's data: each tenant sees only its own teams, which is what makes BOLA testable. */
export interface Team {
  id: string;
  name: string;
  description: string | null;
  visibility: 'private' | 'public';
  created_at: string;
}

export interface Member {
  id: string;
  email: string;
  role: 'owner' | 'member';
  created_at: string;
}

interface TenantData {
  teams: Map<string, Team>;
  members: Map<string, Map<string, Member>>;
}

export class DemoStore {
  private readonly tenants = new Map<string, TenantData>();
  private counter = 0;

  constructor(tenantNames: string[]) {
    for (const name of tenantNames) this.tenants.set(name, { teams: new Map(), members: new Map() });
  }

  private tenant(name: string): TenantData {
    const data = this.tenants.get(name);
    if (!data) throw new Error(`unknown tenant ${name}`);
    return data;
  }

  nextId(prefix: 'tm' | 'mb'): string {
    this.counter += 1;
    return `${prefix}_n${this.counter}`;
  }

  listTeams(tenant: string): Team[] {
    return [...this.tenant(tenant).teams.values()].reverse();
  }

  getTeam(tenant: string, id: string): Team | undefined {
    return this.tenant(tenant).teams.get(id);
  }

  findTeamByName(tenant: string, name: string): Team | undefined {
    return this.listTeams(tenant).find((team) => team.name === name);
  }

  putTeam(tenant: string, team: Team): void {
    const data = this.tenant(tenant);
    data.teams.set(team.id, team);
    if (!data.members.has(team.id)) data.members.set(team.id, new Map());
  }

  deleteTeam(tenant: string, id: string): boolean {
    const data = this.tenant(tenant);
    data.members.delete(id);
    return data.teams.delete(id);
  }

  listMembers(tenant: string, teamId: string): Member[] {
    return [...(this.tenant(tenant).members.get(teamId)?.values() ?? [])];
  }

  putMember(tenant: string, teamId: string, member: Member): void {
    this.tenant(tenant).members.get(teamId)?.set(member.id, member);
  }

  deleteMember(tenant: string, teamId: string, memberId: string): boolean {
    return this.tenant(tenant).members.get(teamId)?.delete(memberId) ?? false;
  }
}

/** The data the spec's examples refer to (`tm_alpha`, `mb_ada`), so example-driven cases find it. */
export function seedDemoData(store: DemoStore, firstTenant: string, secondTenant?: string): void {
  store.putTeam(firstTenant, {
    id: 'tm_alpha',
    name: 'Platform',
    description: 'Runs the shared infrastructure.',
    visibility: 'private',
    created_at: '2026-01-05T09:30:00Z',
  });
  store.putMember(firstTenant, 'tm_alpha', { id: 'mb_ada', email: 'ada@example.com', role: 'member', created_at: '2026-01-06T10:00:00Z' });
  if (secondTenant) {
    store.putTeam(secondTenant, { id: 'tm_beta', name: 'Research', description: null, visibility: 'public', created_at: '2026-01-07T08:00:00Z' });
  }
}
