import type { Role } from "../../../shared/roles";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import { can } from "../../auth/policy";
import { conflict, forbidden, notFound } from "../../errors";
import type { DomainEventBus } from "../../events";
import type { SessionUser } from "../../http/app-env";
import {
  countFacilitators,
  deleteMember,
  findMember,
  listMembers,
  lockWorkspace,
  type MemberRow,
  setMemberRole,
} from "./members.repo";

const lastFacilitator = () =>
  conflict("A workspace needs at least one facilitator: make someone else facilitator first.");

/** Members of a workspace: list; a facilitator changes roles or removes members, never the last facilitator. */
export class MembersService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
    private readonly events: DomainEventBus,
  ) {}

  async list(user: SessionUser | undefined, workspaceId: string): Promise<MemberRow[]> {
    await this.access.requireWorkspace(user, workspaceId, "members.read");
    return listMembers(this.db, workspaceId);
  }

  /** Changes a member's role; 404 when they are not a member, 409 when it would leave no facilitator. */
  async changeRole(
    user: SessionUser | undefined,
    workspaceId: string,
    memberId: string,
    role: Role,
  ): Promise<MemberRow> {
    await this.access.requireWorkspace(user, workspaceId, "members.manage");
    const member = await this.db.transaction().execute(async (trx) => {
      await this.lockAndRecheck(trx, workspaceId, user);
      const current = await findMember(trx, workspaceId, memberId);
      if (!current) throw notFound("Member");
      if (
        current.role === "facilitator" &&
        role !== "facilitator" &&
        (await countFacilitators(trx, workspaceId)) <= 1
      ) {
        throw lastFacilitator();
      }
      await setMemberRole(trx, workspaceId, memberId, role);
      return { ...current, role };
    });
    this.events.emit("membershipChanged", { workspaceId, userId: memberId, role });
    return member;
  }

  /** Removes a member; 404 when they are not a member, 409 for the last facilitator. */
  async remove(user: SessionUser | undefined, workspaceId: string, memberId: string): Promise<void> {
    await this.access.requireWorkspace(user, workspaceId, "members.manage");
    await this.db.transaction().execute(async (trx) => {
      await this.lockAndRecheck(trx, workspaceId, user);
      const current = await findMember(trx, workspaceId, memberId);
      if (!current) throw notFound("Member");
      if (current.role === "facilitator" && (await countFacilitators(trx, workspaceId)) <= 1)
        throw lastFacilitator();
      await deleteMember(trx, workspaceId, memberId);
    });
    this.events.emit("membershipChanged", { workspaceId, userId: memberId, role: undefined });
  }

  /** Serialises membership changes of the workspace, then re-checks the actor's role under the lock. */
  private async lockAndRecheck(trx: Db, workspaceId: string, user: SessionUser | undefined): Promise<void> {
    await lockWorkspace(trx, workspaceId);
    const actor = user && (await findMember(trx, workspaceId, user.id));
    if (!can(actor?.role as Role | undefined, "members.manage"))
      throw forbidden("Your role may no longer do this.");
  }
}
