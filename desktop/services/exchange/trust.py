"""Exchange only with known offices: pairing (registering a peer's public key) and judging who sent a package.

A checksum proves a package is whole, not who made it: anyone can write a package naming any office. So every
package is signed with its office's Ed25519 key (`keys`), and a package is believed only when that signature is
valid and made by the key registered here for the office it names. Everything else is refused with the reason:

- unsigned, a signature that does not match, or a valid signature by a key nobody registered: refused unless the
  user explicitly accepts it (a warning in the preview; `--accept-unsigned` from the CLI), and that acceptance is
  itself a row in the 操作日志;
- a package that names a registered office (its id or its name) or an office we have received packages from,
  but is not signed by that office's key: refused outright, since merging it would be judged against that
  office's history — an impostor never reaches the merge.

A trusted package is merged under the name the office was registered by here, so a peer renaming itself keeps
its history.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import AuditLog, ExchangePeerKey, ExchangeRecord
from desktop.errors import UserError
from desktop.services import office_settings
from desktop.services.exchange import keys, office
from desktop.services.exchange.package import Package
from desktop.workspace import Workspace


class Level(enum.Enum):
    TRUSTED = "trusted"
    UNSIGNED = "unsigned"
    BAD_SIGNATURE = "bad_signature"
    UNKNOWN_KEY = "unknown_key"
    IMPOSTOR = "impostor"


@dataclass(frozen=True)
class Verdict:
    level: Level
    reason: str
    peer_name: str | None = None

    @property
    def trusted(self) -> bool:
        return self.level is Level.TRUSTED

    @property
    def acceptable(self) -> bool:
        """Whether the user may choose to merge it anyway (an impostor may never be merged)."""
        return self.level in (Level.UNSIGNED, Level.BAD_SIGNATURE, Level.UNKNOWN_KEY)

    def refusal(self, *, cli: bool) -> str:
        if not self.acceptable:
            return f"{self.reason}已拒绝导入，未做任何改动。"
        hint = "如已当面或电话确认来源可靠，可加 --accept-unsigned 导入" if cli else "如已确认来源可靠，可在预览中勾选接受"
        return f"{self.reason}已拒绝导入，未做任何改动。{hint}；更稳妥的做法是先登记对方单位的公钥。"


# --- this office's key ------------------------------------------------------------------------------------------
def own_key(workspace: Workspace) -> keys.OfficeKey:
    """This office's id, exchange name and public keys (the id and signing key pair are made on first use; the
    encryption key when 加密备份和数据包 is on)."""
    with workspace.db.transaction() as session:
        me = office.identity(session)
        encryption = _own_encryption_key(session)
    private = keys.office_private_key(workspace.data_dir)
    return keys.OfficeKey(me.id, me.name, keys.public_text(private.public_key()), encryption)


def export_own_key(workspace: Workspace, target: Path) -> keys.OfficeKey:
    with workspace.db.transaction() as session:
        me = office.identity(session)
        encryption = _own_encryption_key(session)
    private = keys.office_private_key(workspace.data_dir)
    return keys.write_key_file(target, private, me.id, me.name, encryption)


def _own_encryption_key(session: Session) -> str | None:
    from desktop.services.encryption import office_key

    public = office_key.encrypting_key(office_settings.get(session, office_key.SETTING))
    return office_key.public_key_text(public) if public else None


# --- peers --------------------------------------------------------------------------------------------------------
def list_peers(session: Session) -> list[ExchangePeerKey]:
    return list(session.scalars(select(ExchangePeerKey).order_by(ExchangePeerKey.name)))


def register_peer(workspace: Workspace, path: Path, name: str | None = None) -> ExchangePeerKey:
    """Register the office in the .kpk at `path` (under `name` if given); one transaction with its 操作日志 row."""
    found = keys.read_key_file(path)
    shown = (name or "").strip() or found.name
    if len(shown) > 128:
        raise UserError("单位名称过长（最多 128 个字），未登记。")
    with workspace.db.transaction() as session:
        mine = office.stored_id(session)
        if found.office_id == mine:
            raise UserError("这是本单位自己的公钥文件，不需要登记。请登记对方单位导出的公钥文件。")
        if keys.private_key_path(workspace.data_dir).exists():  # never make a key pair just to compare
            own = keys.public_text(keys.office_private_key(workspace.data_dir).public_key())
            if own == found.public_key:
                raise UserError("这是本单位自己的公钥，不需要登记。")
        for peer in list_peers(session):
            if peer.office_id == found.office_id and peer.public_key == found.public_key:
                if found.encryption_key and found.encryption_key != peer.encryption_key:
                    return _update_encryption_key(session, workspace, peer, found, path)
                raise UserError(f"该公钥已登记为「{peer.name}」（指纹 {peer.fingerprint}），无需重复登记。")
            if peer.office_id == found.office_id:
                raise UserError(f"已登记的「{peer.name}」使用另一把公钥（指纹 {peer.fingerprint}），与此文件"
                                f"（指纹 {found.fingerprint}）不同。请电话向对方核实，未登记。")
            if peer.public_key == found.public_key:
                raise UserError(f"此公钥已登记给「{peer.name}」，但文件中的单位编号不同，未登记。")
            if peer.name == shown:
                raise UserError(f"已有名为「{shown}」的登记单位（指纹 {peer.fingerprint}），未登记。"
                                "如是另一单位，请用 --name（窗口中为“登记名称”）另起名称。")
        operator = str(session.info.get("operator") or workspace.db.operator)
        peer = ExchangePeerKey(office_id=found.office_id, name=shown, public_key=found.public_key,
                               fingerprint=found.fingerprint, operator=operator, encryption_key=found.encryption_key)
        session.add(peer)
        session.flush()
        sealed_to = (f"；加密公钥指纹 {found.encryption_fingerprint}" if found.encryption_key else "")
        session.add(AuditLog(operator=operator, action="create", entity="exchange_peer_key", entity_id=peer.id,
                             field="public_key", new_value=f"登记「{shown}」的公钥，指纹 {found.fingerprint}"
                             f"{sealed_to}（单位编号 {found.office_id}，文件 {Path(path).name}）"))
        session.expunge(peer)
    return peer


def _update_encryption_key(session: Session, workspace: Workspace, peer: ExchangePeerKey, found: keys.OfficeKey,
                           path: Path) -> ExchangePeerKey:
    """A paired office (same id, same signing key) handed over a .kpk with a new encryption key: that key is
    taken on the same row (the self-signature by the registered signing key vouches for it), with its row."""
    operator = str(session.info.get("operator") or workspace.db.operator)
    old = keys.fingerprint(peer.encryption_key) if peer.encryption_key else "无"
    peer.encryption_key = found.encryption_key
    session.add(AuditLog(operator=operator, action="update", entity="exchange_peer_key", entity_id=peer.id,
                         field="encryption_key", old_value=f"加密公钥指纹 {old}",
                         new_value=f"「{peer.name}」的加密公钥，指纹 {found.encryption_fingerprint}"
                                   f"（文件 {Path(path).name}）"))
    session.flush()
    session.expunge(peer)
    return peer


# --- judging a package ----------------------------------------------------------------------------------------------
def assess(session: Session, package: Package) -> Verdict:
    """Who sent `package`, as far as this office can tell. A trusted package is renamed to its registered name."""
    peers = list_peers(session)
    claimed_id, claimed_name = package.sender_id, package.sender_name
    state, signer = package.signature_state, package.signer_key
    if state == "valid" and signer is not None:
        by_key = {p.public_key: p for p in peers}
        peer = by_key.get(signer)
        if peer is not None:
            if peer.office_id != claimed_id:
                return Verdict(Level.IMPOSTOR, f"数据包由已登记的「{peer.name}」的密钥签名，却自称另一单位"
                                               f"「{claimed_name}」（编号不符）。", peer.name)
            if claimed_name != peer.name:
                package.manifest["sender"]["claimed_name"] = claimed_name
                package.manifest["sender"]["name"] = peer.name
            return Verdict(Level.TRUSTED, f"签名已验证：来自已登记的「{peer.name}」（指纹 {peer.fingerprint}）。",
                           peer.name)
    impostor = _claims_known_office(session, peers, claimed_id, claimed_name)
    if impostor is not None:
        return Verdict(Level.IMPOSTOR, impostor)
    if state == "valid" and signer is not None:
        return Verdict(Level.UNKNOWN_KEY, f"数据包自称来自「{claimed_name}」，签名有效，但该单位的公钥尚未在本单位登记"
                                          f"（指纹 {keys.fingerprint(signer)}），无法确认来源。")
    if state == "invalid":
        return Verdict(Level.BAD_SIGNATURE, f"数据包自称来自「{claimed_name}」，但签名与内容不符"
                                            "（数据包被改动过，或签名是伪造的）。")
    return Verdict(Level.UNSIGNED, f"数据包自称来自「{claimed_name}」，但没有签名（可能由旧版本程序导出，"
                                   "或是他人伪造），无法确认来源。")


def verdict_for(workspace: Workspace, package: Package) -> Verdict:
    """`assess` in its own read session (for callers that hold a workspace, not a session)."""
    with workspace.db.read() as session:
        return assess(session, package)


def _claims_known_office(session: Session, peers: list[ExchangePeerKey], claimed_id: str,
                         claimed_name: str) -> str | None:
    for peer in peers:
        if peer.office_id == claimed_id:
            return (f"数据包自称已登记的「{peer.name}」（单位编号相同），但不是用该单位登记的公钥签名的"
                    f"（登记的指纹为 {peer.fingerprint}），不能确认是该单位所发，不会按该单位的往来记录合并。")
        if peer.name == claimed_name:
            return (f"数据包自称「{claimed_name}」，但它的单位编号和签名都与已登记的「{peer.name}」不同，"
                    "是另一单位冒用此名称，不会按该单位的往来记录合并。")
    earlier = session.scalars(select(ExchangeRecord.peer_office_id).where(
        ExchangeRecord.direction == "received", ExchangeRecord.peer_name == claimed_name,
        ExchangeRecord.peer_office_id.is_not(None))).first()
    if earlier is not None and earlier != claimed_id:
        return (f"数据包自称「{claimed_name}」，但本单位以前收到的「{claimed_name}」数据包来自另一单位编号，"
                "是另一单位冒用此名称，不会按该单位的往来记录合并。")
    return None


def record_acceptance(workspace: Workspace, package: Package, verdict: Verdict) -> None:
    """The user chose to merge a package whose sender could not be confirmed: that choice is in the 操作日志,
    written before the merge (a row after it would stand in the way of undoing the merge)."""
    with workspace.db.transaction() as session:
        operator = str(session.info.get("operator") or workspace.db.operator)
        session.add(AuditLog(operator=operator, action="create", entity="exchange_record",
                             field="accept_unsigned", new_value=f"接受来源未确认的数据包 {package.package_id[:8]}"
                             f"（自称「{package.sender_name}」）：{verdict.reason}"[:2000]))
