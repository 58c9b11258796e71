"""The request contexts employment endpoints take (services/kit/context.py): who may call, and the transaction."""
from services.kit.auth import READ_ROLES, Role
from services.kit.context import context

# Any signed-in role; every read is narrowed to the caller's scope by the repositories.
Reader = context(*READ_ROLES)
# 人社局 keeps the employment records: only hr (and admin) write them.
Writer = context(Role.HR)
