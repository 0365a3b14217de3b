from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from paritrana.accounts.models import RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0


@admin.register(User)
class ParitranaUserAdmin(UserAdmin):
    inlines = (RoleInline,)
    fieldsets = (*UserAdmin.fieldsets, ("Paritrana", {"fields": ("full_name", "organisation")}))
