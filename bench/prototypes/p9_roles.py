# ruff: noqa: E501
# (each patch quotes the original lines exactly, long ones included)
"""model.py: users by role indexed once in __post_init__; role_users was a scan of every user,
called about 60 times per compile (backup_server, catalog_server, admin... are properties)."""
from common import patch
F = "bkrdsl/resolve/model.py"
patch(F, '''    _members: dict[str, MemberModel] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for u in self.user_defs:
            self._users.setdefault(u.id, []).append(u)''', '''    _members: dict[str, MemberModel] = field(default_factory=dict, repr=False)
    _roles: dict[str, list[UserDef]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for u in self.user_defs:
            self._users.setdefault(u.id, []).append(u)
            if u.role is not None:
                self._roles.setdefault(u.role, []).append(u)''')
patch(F, '''    def role_users(self, role: str) -> list[UserDef]:
        return [u for u in self.user_defs if u.role == role]''', '''    def role_users(self, role: str) -> list[UserDef]:
        return list(self._roles.get(role, ()))''')
