"""IT's part of `seed_demo`."""

from backoffice.registry import Demo, demo_step
from it_support.demo import assets


@demo_step("it_support.assets", after=["hr.people"])
def _assets(demo: Demo) -> str:
    return assets.assets_install(users=demo.users)
