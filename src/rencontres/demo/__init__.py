"""The demo: the five seed events with their real dates, shown as run (`rencontres load_demo`).

It sits beside the faces, above every domain app it fills, and nothing imports it but the
tests: the data of each app's part stays in that app (events.demo_data, workshops.demo,
surveys.demo), this package tells the story in order.
"""
