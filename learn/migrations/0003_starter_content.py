"""Starter content so that a fresh install has something to read: nine articles and fifteen tips.

Written for this project from the facts in the project's domain notes. Everything here is ordinary
data afterwards: editors may change or delete it in the admin. Reversing removes the starter tips
(matched by text) and the starter articles (by slug) that no remaining tip points to.
"""

from django.db import migrations
from django.utils import timezone

ARTICLES = [
    {
        "slug": "why-backs-hurt",
        "title": "Why backs hurt: the usual suspects",
        "topic": "causes",
        "summary": "Most back pain has an everyday cause: muscles that do too little or too much, posture, loads, cold and stress.",
        "body": """Back pain rarely comes out of nowhere. In most people it grows out of how the back is used day after day, and the same few causes turn up again and again.

## Muscles out of balance

Your spine is held in place by muscles. When some of them are trained far more than others, the pull on the spine becomes uneven. A common example: strong muscles at the front of the thighs next to weak buttock muscles tip the pelvis forward. The lower back then works harder to keep you upright, tightens, and can cramp into a spasm.

Muscles that are simply trained too little cause trouble too: they tire early and leave the load to structures that are not built for it.

## A weak core

The muscles of the belly, the back and the buttocks work together as a corset that keeps the spine stable. When that corset is weak, every step, lift and twist puts more strain on the back itself.

## Posture and too little movement

Hours in front of a screen with the upper body rounded forward are one of the most common reasons for pain between the shoulder blades. Sitting still is part of the problem: muscles that never change position stiffen.

## Loads on the shoulders

A heavy bag always carried on the same shoulder, or heavy loads carried often, strains the neck, shoulders and upper back.

## Cold

When it is cold we tend to pull our shoulders up towards our ears without noticing. Held for hours, that tension shows up as upper-back pain, which is why such complaints are more frequent in autumn and winter than in summer.

## Injury and wear

Falls, knocks and other injuries to the spine can cause pain, and so can wear of the vertebrae and the discs between them over the years.

## The mind

Stress at work or at home, worry and fear of failing can set off back pain or make it worse. See [Stress and your back](/learn/stress-and-back-pain/).

If your pain does not fit these everyday causes, or comes with other symptoms, read [When to see a doctor](/learn/when-to-see-a-doctor/).
""",
    },
    {
        "slug": "upper-back-pain",
        "title": "Upper-back pain: where it sits and what can be behind it",
        "topic": "causes",
        "summary": "Pain between the shoulder blades is usually muscular, but it can have a specific cause and should not be brushed aside.",
        "body": """## Three parts of the back

It helps to think of the back in three sections. The **upper back** is the top third: it takes in the neck and the shoulders, and the pain typically sits between the shoulder blades, along the spine. Below it lies the **middle back**, and below that the **lower back** (the lumbar spine), which is the part that hurts most often overall.

Upper-back pain often does not stay where it started. It can spread into the head, the shoulders or the arms.

## Usually muscles and posture

Most upper-back pain has no single identifiable cause. Doctors call it *non-specific*: strained or overworked muscles and a poor posture are the usual story, and it tends to get better with movement and the [self-help measures](/learn/easing-upper-back-pain/) that suit you.

## Sometimes something specific

Less often, upper-back pain has a particular cause, for example:

- inflammation of the joints of the spine (inflammatory arthritis, including ankylosing spondylitis, also called Bechterew's disease);
- thinning of the bones (osteoporosis);
- a herniated (slipped) disc, which can bring numbness and dizziness;
- rarely, a tumour. Lung cancer in particular can show itself as pain in the upper back.

That last point is the reason not to take persistent upper-back pain lightly. Read [When to see a doctor](/learn/when-to-see-a-doctor/) for the signs that mean you should have it checked.
""",
    },
    {
        "slug": "runners-feet-and-shoes",
        "title": "Runners' back spasms start at the feet",
        "topic": "causes",
        "summary": "How your feet land while running travels up to your spine, and why shoes and insoles matter.",
        "body": """Every stride sends a jolt from the ground up through the ankles, knees and hips to the spine. How your foot meets the ground changes how that jolt travels.

## Rolling in, rolling out

- **Overpronation**: the foot rolls too far inward as it lands.
- **Supination**: the foot tilts outward and lands on its outer edge.

Either one twists the chain of joints above it a little with every step, and over thousands of steps the back can answer with tension and spasms. A **neutral** foot, landing fairly level, is what you are aiming for.

## What helps

- Running shoes that fit well and suit the way your foot lands. A specialist running shop can watch you run and suggest shoes.
- Insoles, which can correct an inward or outward tilt.
- Softer surfaces: grass or a running track are kinder to the back than asphalt or concrete.

See also [Running without back spasms](/learn/running-without-spasms/).
""",
    },
    {
        "slug": "sitting-at-a-screen",
        "title": "Sitting at a screen without paying for it with your back",
        "topic": "prevention",
        "summary": "Long hours hunched over a computer are a classic source of upper-back pain. Small, regular changes help.",
        "body": """Many of us spend six hours or more a day at a screen. The body slowly slides into a rounded, hunched shape: head forward, shoulders rolled in, upper back curved. The muscles between the shoulder blades hold that position all day and protest.

## Set up your place

- Put the top of the screen at about eye level, so you look straight ahead rather than down.
- Sit back in the chair with your lower back supported and your feet flat on the floor.
- Keep the keyboard close enough that your elbows stay near your body.

## Keep moving

No posture is good for eight hours. What matters most is changing it:

- Stand up and walk a few steps at least every half hour or so.
- Roll your shoulders back and down now and then, and gently stretch your chest open.
- Take calls standing, or walk to a colleague instead of writing.

## Balance it out

Regular movement and exercise outside work, including [strength training](/learn/strength-and-core/), make the hours of sitting easier on your back.
""",
    },
    {
        "slug": "running-without-spasms",
        "title": "Running without back spasms",
        "topic": "prevention",
        "summary": "Warm up, stretch afterwards, vary your runs, choose soft ground and good shoes, and train your strength too.",
        "body": """Running is good for the back, as long as the back is ready for it. Most runners who get back spasms can prevent them with a handful of habits.

## Before and after

- **Warm up carefully.** A few minutes of brisk walking, easy jogging and loosening movements prepare muscles and joints for the load.
- **Stretch after the run**, while the muscles are warm: thighs, hips, calves and back.

## How you run

- Work on a sound **running technique**; a coach or a running group can help.
- **Vary your training**: mix short and long runs instead of repeating the same effort every time, so no single structure is overloaded.
- Choose **grass or a track** over asphalt and concrete when you can.
- Wear **running shoes that fit** and suit how your foot lands: see [Runners' back spasms start at the feet](/learn/runners-feet-and-shoes/).

## Beyond running

Runners often neglect strength. Adding [strength training](/learn/strength-and-core/) for the back, the belly and the buttocks makes the spine far more resilient.
""",
    },
    {
        "slug": "strength-and-core",
        "title": "Strength for your back: the core and the balance between muscles",
        "topic": "prevention",
        "summary": "A strong, balanced set of muscles around the spine protects it. Strength training belongs in everyone's week.",
        "body": """## The core

The muscles of the belly, the lower back and the buttocks form the *core*. Together they keep the spine steady while you move. A strong core takes load off the spine; a weak one leaves it to the back alone.

## Balance matters as much as strength

Muscles that pull on the same bones should be roughly matched. If the front of the thighs is much stronger than the buttocks, for instance, the pelvis tilts forward and the lower back tightens to compensate, which can lead to spasms. Training only the muscles you already use a lot can make this worse.

## A simple routine

Two or three short sessions a week are enough to make a difference. Examples:

- the plank and the side plank, for belly and flanks;
- the bridge (lying on your back, lifting the hips), for the buttocks;
- the "bird dog" (on hands and knees, reaching one arm and the opposite leg out), for back and balance;
- rows with a band or light weights, for the upper back.

Start gently and increase slowly. If an exercise makes your pain clearly worse, stop it and ask a physiotherapist or doctor.
""",
    },
    {
        "slug": "easing-upper-back-pain",
        "title": "Easing upper-back pain yourself",
        "topic": "self_help",
        "summary": "Posture changes, heat, massage, movement and stretching: what you can try first for pain between the shoulder blades.",
        "body": """When the upper back hurts and there are no warning signs, there is a lot you can try on your own.

- **Change your posture.** Notice when you hunch and open up: shoulders back and down, head over the shoulders.
- **Heat.** A warm shower, a hot-water bottle or a heat pad on the sore area relaxes tight muscles.
- **Massage.** From a partner, a professional or with a ball against a wall.
- **Move regularly.** Rest in bed rarely helps; gentle, frequent movement usually does.
- **Stretch and exercise.** Shoulder circles, gentle neck and chest stretches, and general exercise.
- **Use the rest of your body.** Training other muscle groups, such as legs and core, shares the work and takes strain off the upper back.

## Cold and loads

In cold weather, dress warmly around the neck and shoulders so you do not pull your shoulders up for hours. Spread heavy loads: use both shoulder straps of a backpack, or carry less.

## When self-help is not enough

If the pain persists although you have tried these measures, or comes with other symptoms, see [When to see a doctor](/learn/when-to-see-a-doctor/).
""",
    },
    {
        "slug": "stress-and-back-pain",
        "title": "Stress and your back",
        "topic": "self_help",
        "summary": "Worry and pressure can start back pain or make it worse. Looking after your mind is part of looking after your back.",
        "body": """Back pain is not only mechanical. Conflict in a relationship, pressure at work or a fear of failing can trigger back pain or turn up an existing one.

Under stress many people tense their shoulders and neck without noticing, breathe shallowly and move less. Pain then adds its own worry, and the circle closes.

## What can help

- Notice tension: every so often, check whether your shoulders are raised and let them drop.
- Keep moving: a walk is good for both back and mood.
- Make room for things that calm you, whether breathing exercises, time outside or time with people you like.
- Talk about what weighs on you, with someone you trust or with a professional.

If you often feel low, anxious or upset along with your back pain, tell a doctor: it is one of the [reasons to see a doctor](/learn/when-to-see-a-doctor/).
""",
    },
    {
        "slug": "when-to-see-a-doctor",
        "title": "When to see a doctor",
        "topic": "when_to_see_a_doctor",
        "summary": "Most back pain passes with time and self-help. These signs mean a doctor should take a look.",
        "body": """This journal gives information, not a diagnosis. Only a doctor who examines you can find out what causes your pain. The signs below are reasons to make an appointment rather than wait.

## Make an appointment if

1. Back spasms **keep coming back**, rather than happening once.
2. The pain **does not go away** although you have tried self-help such as heat, movement and stretching.
3. You have **headache, toothache or a feeling of pressure behind the eyes** together with the back pain.
4. You feel **low, anxious or upset**, or you have **dizziness, nausea or vomiting**.
5. You are **taking painkillers** for the pain: they have side effects, and a doctor should know.
6. Upper-back pain **spreads further**, into the arms or down the back.
7. Your **movement is restricted**, for example you cannot turn your head.
8. Your body **visibly leans or tilts** to one side. This needs to be looked into to avoid lasting damage.
9. The pain **disturbs your sleep**.
10. You notice **numbness**, especially together with dizziness: it can point to a herniated disc.

## Get care urgently if

Widely used clinical guidance for back and neck pain adds signs that can point to a serious cause. Seek care the same day, or call your local emergency number, if back pain comes with:

- numbness around the genitals, buttocks or inner thighs, or new trouble controlling or passing urine or stool;
- new weakness in one or both legs;
- chest pain;
- fever, or weight loss you cannot explain;
- a recent fall, accident or blow to the back;
- a history of cancer.

If you feel seriously unwell, do not wait: call your local emergency number.
""",
    },
]

# (condition, article slug, text). Several tips per condition: the day chooses which one shows.
TIPS = [
    ("long_sitting", "sitting-at-a-screen", "Long screen day? Stand up and walk a few steps every half hour; your upper back will thank you."),
    ("long_sitting", "sitting-at-a-screen", "After six hours or more in a chair, a short walk and a few shoulder rolls undo some of the stiffness."),
    ("hunched_posture", "sitting-at-a-screen", "Raise your screen to eye level so your head stays over your shoulders instead of leaning forward."),
    ("hunched_posture", "easing-upper-back-pain", "Every now and then, roll your shoulders back and down and open your chest: the opposite of a hunch."),
    ("shoulder_loads", "easing-upper-back-pain", "Spread the load: both straps of a backpack, or two lighter bags instead of one heavy one on one side."),
    ("shoulders_raised_cold", "easing-upper-back-pain", "A scarf and a warm collar keep your shoulders down in the cold. Heat on a sore upper back helps too."),
    ("hard_surface_running", "running-without-spasms", "Grass or a running track is gentler on your back than asphalt or concrete. Try it for your next run."),
    ("no_warm_up", "running-without-spasms", "A few minutes of brisk walking and easy jogging before you run prepare your back for the load."),
    ("no_stretch_after_run", "running-without-spasms", "Stretch thighs, hips and back right after your run, while the muscles are still warm."),
    ("ill_fitting_shoes", "runners-feet-and-shoes", "Shoes that fit badly change how your foot lands, and your back feels it. Have your running shoes checked."),
    ("no_strength_training_two_weeks", "strength-and-core", "No strength training for two weeks: ten minutes of planks, bridges and bird dogs is a good restart."),
    ("no_strength_training_two_weeks", "strength-and-core", "A strong core takes load off your spine. Plan two short strength sessions this week."),
    ("cold_season_upper_back", "easing-upper-back-pain", "Upper-back pain is more common in the cold months. Keep warm around the neck and try heat on the sore spot."),
    ("cold_season_upper_back", "upper-back-pain", "Pain between the shoulder blades is usually muscular, but if it persists, have it checked."),
    ("long_sitting", "strength-and-core", "Long hours of sitting weaken the muscles that hold your spine. Balance them with some strength training."),
]


def add_content(apps, schema_editor):
    Article = apps.get_model("learn", "Article")
    Tip = apps.get_model("learn", "Tip")
    now = timezone.now()
    by_slug = {}
    for data in ARTICLES:
        article, _ = Article.objects.get_or_create(
            slug=data["slug"], defaults={**data, "status": "published", "published_at": now}
        )
        by_slug[article.slug] = article
    for condition, slug, text in TIPS:
        Tip.objects.get_or_create(condition=condition, text=text, defaults={"article": by_slug[slug]})


def remove_content(apps, schema_editor):
    Article = apps.get_model("learn", "Article")
    Tip = apps.get_model("learn", "Tip")
    Tip.objects.filter(text__in=[text for _, _, text in TIPS]).delete()
    Article.objects.filter(slug__in=[data["slug"] for data in ARTICLES], tips__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("learn", "0002_content_editors_group")]

    operations = [migrations.RunPython(add_content, remove_content)]
