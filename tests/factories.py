"""factory_boy factories shared by the suite."""

from __future__ import annotations

import factory

from paritrana.accounts.models import Role, RoleAssignment, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Faker("name", locale="id_ID")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def save_password(self, create, _extracted, **_kwargs):
        if create:
            self.save()


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.JUROR
    province = None


def user_with_role(role: Role | None, province_code: str | None = None, **kwargs) -> User:
    """A user holding one role (or none), scoped to a province when given."""
    user = UserFactory(**kwargs)
    if role is not None:
        RoleAssignmentFactory(user=user, role=role, province_id=province_code)
    return user
