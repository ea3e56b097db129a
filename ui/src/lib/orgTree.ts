// The org structure as a tree, built from each person's manager id.
import type { Person } from "../api";
import { matches } from "./quickLog";

export interface OrgNode {
  person: Person;
  children: OrgNode[];
  /** Everyone below this person. */
  size: number;
}

/** Roots are people with no manager, or whose manager is not in the list; children by name. */
export function buildOrgTree(people: Person[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const person of people) nodes.set(person.id, { person, children: [], size: 0 });
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const manager = node.person.managerId ? nodes.get(node.person.managerId) : undefined;
    if (manager && manager !== node) manager.children.push(node);
    else roots.push(node);
  }
  const byName = (a: OrgNode, b: OrgNode) => a.person.name.localeCompare(b.person.name);
  // Sizes bottom-up without recursion, so a deep organisation cannot overflow the stack.
  const order: OrgNode[] = [];
  const stack = [...roots];
  while (stack.length) {
    const node = stack.pop() as OrgNode;
    order.push(node);
    node.children.sort(byName);
    stack.push(...node.children);
  }
  for (const node of order.reverse()) {
    node.size = node.children.reduce((sum, child) => sum + 1 + child.size, 0);
  }
  return roots.sort(byName);
}

/** The ids of everyone who matches the search and of everyone above them, so matches show in place. */
export function visibleForSearch(roots: OrgNode[], query: string): Set<string> | null {
  if (!query.trim()) return null;
  const keep = new Set<string>();
  const walk = (node: OrgNode, path: string[]): void => {
    const here = [...path, node.person.id];
    const p = node.person;
    if (matches(query, p.name, p.role, p.team, p.email, p.id)) for (const id of here) keep.add(id);
    for (const child of node.children) walk(child, here);
  };
  for (const root of roots) walk(root, []);
  return keep;
}
