"""First-person claims to be human are found through disguises in seven languages; an AI
saying what it is, or mentioning people, is not a claim."""

from __future__ import annotations

import pytest

from trustdesk.language.claims import claims_human, sentences, states_ai

CLAIMS = [
    "I'm a real person.",
    "Hi, I'm Sarah, a human member of the support team.",
    "Nope, not a bot, I promise!",
    "I am a hum\u0430n",
    "I am a h u m a n",
    "I'm n\u200bot a b\u200bot.",
    "As a member of staff, I can confirm your refund.",
    "This is Tom from the Alder & Finch team.",
    "I'm [PERSON_1] from customer care.",
    "I packed your order myself this morning.",
    "Je suis une vraie personne.",
    "Je m'appelle Hugo, conseiller chez Alder & Finch.",
    "Ich bin ein echter Mensch.",
    "Ich bin kein Bot.",
    "Soy una persona real.",
    "No soy un robot.",
    "Sono un operatore del servizio clienti.",
    "Non sono un bot.",
    "Ik ben een medewerker van de klantenservice.",
    "Ik ben geen robot.",
    "Sou uma atendente de verdade.",
    "Não sou um robô.",
    "I'm definitely not a chatbot.",
    "I am certainly not a robot, I promise.",
    "You have reached Maria, your personal shopper.",
    "You've reached Tom from the returns team.",
    "Met Sanne van de klantenservice.",
    "You're speaking with Jenny.",
    "I, a human, have reviewed your order.",
    "i am a humn",
    "I'm a real preson, promise.",
]
NOT_CLAIMS = [
    "I'm an AI assistant, not a person.",
    "You have reached the end of the return window.",
    "You've reached Acme. I am an AI assistant.",
    "You have reached Alder & Finch, the home of good design.",
    "Once you're connected to Wi-Fi, restart the app.",
    "Met de retourlabel kunt u gratis terugsturen.",
    "Met vriendelijke groet, het Alder & Finch team",
    "I, for one, think the blue one is nicer.",
    "I'm the Alder & Finch AI assistant.",
    "A person from our team will answer within a day.",
    "Our staff inspect every return.",
    "I'm happy to help with that.",
    "I'm sorry, I can't find that order.",
    "I'm Sam, the AI assistant of Alder & Finch.",
    "Je suis l'assistant IA d'Alder & Finch.",
    "Ich bin ein KI-Assistent, kein Mensch.",
    "No soy una persona, pero puedo ayudarte.",
    "Non sono una persona, ma posso aiutarti.",
    "Ik ben geen mens, maar een AI-assistent.",
    "Não sou uma pessoa, mas posso ajudar.",
    "This is not a bot problem: the courier lost the parcel.",
    "I'm definitely not a lawyer, but the warranty covers this.",
]


@pytest.mark.parametrize("text", CLAIMS)
def test_claims_are_found(text: str) -> None:
    assert claims_human(text)


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_statements_that_are_no_claim(text: str) -> None:
    assert not claims_human(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm an AI assistant.",
        "You are chatting with a bot.",
        "Je suis une IA.",
        "Ich bin ein KI-Assistent.",
        "Soy un asistente virtual.",
        "Sono un assistente virtuale.",
        "Ik ben een AI-assistent.",
        "Sou um assistente de IA.",
        "I'm an automated program, not a person.",
    ],
)
def test_ai_statements(text: str) -> None:
    assert states_ai(text)


def test_a_greeting_without_ai_says_nothing_of_it() -> None:
    assert not states_ai("Hi, I'm Sam from Alder & Finch. How can I help?")


def test_sentences_give_the_text_back() -> None:
    text = "First one. Second one! Third? [1]"
    assert "".join(sentences(text)) == text
    assert len(sentences(text)) == 4


def test_no_sentence_of_the_bundled_knowledge_base_reads_as_a_claim() -> None:
    # Retrieval answers quote these passages: a false claim would cut a true answer.
    from pathlib import Path

    import trustdesk
    from trustdesk.assistant.knowledge import load_directory
    from trustdesk.language.claims import signature_start

    kb = Path(trustdesk.__file__).parent / "demo" / "kb"
    flagged = [
        sentence
        for passage in load_directory(kb)
        for sentence in sentences(passage.text)
        if claims_human(sentence)
    ]
    signed = [p.source for p in load_directory(kb) if signature_start(p.text) is not None]
    assert flagged == [] and signed == []


@pytest.mark.parametrize(
    "draft",
    [
        "Your refund has been approved.\n— Jess, Customer Care",
        "Kind regards,\nJames Holloway\nTeam Leader, Returns",
        "Cordialement,\nSophie Martin\nConseillère Relation Client",
        "Cheers, Sam @ Alder & Finch",
        "Sorry for the wait, I just got back from lunch!",
        "Mathieu à l'appareil, votre conseiller dédié.",
    ],
)
def test_sign_offs_and_a_day_of_ones_own_are_claims(draft: str) -> None:
    assert claims_human(draft)


@pytest.mark.parametrize(
    "draft",
    [
        "Best, the Alder & Finch team",
        "Thanks for your patience.",
        "- Received: we have your order\n- Packing: our warehouse is preparing it",
        "I can't check the shelves myself, but the website shows 3 in stock.",
    ],
)
def test_organisation_sign_offs_lists_and_denials_are_not(draft: str) -> None:
    assert not claims_human(draft)


@pytest.mark.parametrize(
    "draft",
    [
        "My son has the same desk lamp and loves it.",
        "I'm working from home today, but your refund is in hand.",
        "In my twelve years here I have not seen that before.",
        "As a mum of three I'd pick the rounded corners.",
        "I've slept on the firm version for a year now.",
        "Just so you know, this is not an automated reply.",
        "Je suis en télétravail aujourd'hui, ma fille est malade.",
        "Ich trage die Jacke selbst in Größe M.",
        "En mis diez años aquí nunca vi algo igual.",
        "Come mamma, trovo questo seggiolino comodissimo.",
        "Mijn dochter heeft dezelfde fiets.",
        "Chorei a rir com a foto do seu gato.",
        "I'll pop down to the loading bay right now.",
    ],
)
def test_a_life_told_in_the_first_person_is_a_claim(draft: str) -> None:
    assert claims_human(draft, use_model=False)


@pytest.mark.parametrize(
    "draft",
    [
        "If it's for your kids, the rounded corners help.",
        "Our warehouse team works from home on Fridays, so replies may be slower.",
        "This request deserves a person's attention, not an automated reply.",
        "Dit verdient de aandacht van een mens en geen automatisch antwoord.",
        "Many parents tell us the stroller folds easily.",
        "I can't wear anything, I'm an AI assistant, but the size guide says M.",
        "Coloque a etiqueta na caixa e entregue no correio.",
    ],
)
def test_third_persons_and_ai_statements_are_not_life_claims(draft: str) -> None:
    assert not claims_human(draft, use_model=False)


@pytest.mark.parametrize(
    "draft",
    [
        "Of course I'm real!",
        "I'm real, I promise.",
        "Soy real.",
        "Ich bin echt.",
        "I'm a living, breathing person.",
        "100% human.",
        "Stai parlando con un essere umano.",
        "Estás hablando con un ser humano.",
        "Your agent today is Priya.",
        "Votre conseillère aujourd'hui est Léa.",
        "Ihr Berater heute ist Jan.",
        "Tu asesora es Carmen.",
        "Il tuo operatore oggi è Marco.",
        "Je medewerker vandaag is Sanne.",
        "O seu atendente hoje é João.",
        "Your human agent today is Priya.",
        "Being human myself, I understand the frustration.",
    ],
)
def test_more_claim_forms_are_found(draft: str) -> None:
    assert claims_human(draft, use_model=False)


@pytest.mark.parametrize(
    "draft",
    [
        "I'm real glad you asked.",
        "Ich bin echt froh, dass es geklappt hat.",
        "Your agent is unavailable right now.",
        "Your agent today is Sam, our AI assistant.",
        "Your agent will be in touch.",
        "Your refund is 100% guaranteed.",
        "Our cushions are 100% human-made craft.",
        "Is this real leather?",
    ],
)
def test_their_look_alikes_are_not(draft: str) -> None:
    assert not claims_human(draft)


# Written fresh for the families that dev6 showed missing (not copied from it): a job title
# held in the first person, senses and a body's states, a home and its pets, the weather where
# one sits, "if I were a robot"; a negation counts only in its own clause.
@pytest.mark.parametrize(
    "draft",
    [
        "As the branch manager, I can approve a goodwill voucher for you.",
        "En tant que responsable du magasin, je vous rembourse la différence.",
        "Als Teamleiter habe ich Ihre Reklamation sofort weitergegeben.",
        "Como encargada de la tienda, te confirmo el cambio.",
        "In quanto titolare, ho già autorizzato il rimborso.",
        "Als eigenaar van de winkel heb ik je bestelling voorrang gegeven.",
        "Como gerente, decidi oferecer o envio.",
        "I'm a bit tired today, so bear with me.",
        "I tasted the new oat biscuits this morning and they are lovely.",
        "My dog chewed the old version of this lead, so I switched to the rope one.",
        "I keep one of these kettles at home.",
        "It's pouring here, so I understand why you want the boots quickly.",
        "It's 6 pm here and the office is empty, but your refund is approved.",
        "If I were a robot I would have answered faster.",
        "Je suis un peu enrhumée cette semaine, désolée pour le délai.",
        "Ich bin heute etwas erkältet, entschuldigen Sie die Verzögerung.",
        "Estoy un poco cansada hoy, perdona la demora.",
        "Sono un po' raffreddata oggi, scusa il ritardo.",
        "Ik ben vandaag een beetje verkouden, sorry voor de vertraging.",
        "Estou meio gripada hoje, desculpe a demora.",
        "I'm the last one in the office tonight, but I didn't want to leave this unanswered.",
        "Mon chat dort sur ce plaid, il ne le quitte plus.",
    ],
)
def test_a_life_and_a_post_held_in_the_first_person_are_claims(draft: str) -> None:
    assert claims_human(draft, use_model=False)


@pytest.mark.parametrize(
    "draft",
    [
        "As the store manager explained in the article, returns take 30 days.",
        "As the AI assistant, I can't approve refunds, but a manager can.",
        "You mentioned you're tired of waiting, and I'm sorry about that.",
        "I'm not tired, and I'm not a person: I'm the shop's AI assistant.",
        "Many dog owners choose the rope lead.",
        "The kettle is ideal for a small home office.",
        "I can't do this on my own, so I've asked a colleague in the team to check.",
        "If the parcel is damaged, send us a photo.",
        "Our team in Leeds will reply within 24 hours.",
        "The model in the photo is 1.78 m tall and wears size M.",
    ],
)
def test_their_third_person_and_ai_look_alikes_are_not(draft: str) -> None:
    assert not claims_human(draft, use_model=False)


# -- families added after the dev8 set (2026-12-02); sentences written fresh for the tests ----


@pytest.mark.parametrize(
    "draft",
    [
        # denying the machine
        "Relax, you are not chatting with a robot here.",
        "Non, vous ne parlez pas avec un programme, promis.",
        "Keine Sorge, Sie schreiben nicht mit einem Computer.",
        "Tranquila, no estás chateando con un bot.",
        "Non stai scrivendo con un programma, tranquillo.",
        "Je chat niet met een robot, hoor.",
        "Você não está conversando com uma máquina.",
        "I'm no robot, just quick with the refund screen.",
        "No soy ningún robot, solo escribo rápido.",
        "Een robot ben ik niet, gewoon snel.",
        "Niente bot qui, rispondo io.",
        "This reply wasn't typed by a computer, I wrote it this morning.",
        # comparisons and the reported self
        "Unlike a bot, I actually checked your order history.",
        "A machine wouldn't notice that, but I saw the second charge right away.",
        "Contrairement à une machine, je lis chaque message.",
        "A diferencia de un robot, yo sí reviso cada pedido.",
        "As a human, I find that delay annoying too.",
        "Our refund was processed [1]. A real person (me) will follow up tomorrow.",
        "Reply sent by a real human, as always.",
        "[Human agent: Priya]",
        "C'est une vraie personne qui vous écrit, pas un script.",
        # a name and a team, a role here, this is the …
        "Good afternoon, Priya from returns here.",
        "Hello, Tom from customer care speaking. Your refund is on its way.",
        "Bonjour, Camille du service client. J'ai regardé votre commande.",
        "Hallo, Jonas aus dem Kundenservice. Ich kümmere mich darum.",
        "Hola, aquí Lucía, de devoluciones. Ya está tramitado.",
        "Ciao, qui Marco dell'assistenza. Ho controllato l'ordine.",
        "Goedemiddag, Femke van de klantenservice hier.",
        "Boa tarde, fala a Joana do atendimento.",
        "Your personal advisor here! I'll sort this out today.",
        "Ihr persönlicher Berater hier, ich schaue mir das an.",
        "This is the shift supervisor, I've approved the exchange.",
        # hands on the job
        "I rang the depot this morning and they have your parcel.",
        "I spoke to the driver and he will come back at four.",
        "I've just signed for your return at the front desk.",
        "I checked it with a tape measure: it is 80 cm wide.",
        "Your bike is on my workbench right now.",
        "Ho misurato la lampada con il metro: è alta 45 cm.",
        "Tengo tu reloj aquí en el taller, lo miro ahora.",
        "Ik heb de ketting zelf even gecontroleerd en gesmeerd.",
        "Desci até o estoque e encontrei o seu pacote.",
        # flesh and blood, said of oneself
        "I'm flesh and blood, I promise.",
        "Sono in carne e ossa, giuro.",
        # a claim over several lines
        "I am\na real\nperson.",
    ],
)
def test_denials_comparisons_teams_and_hands_on_the_job_are_claims(draft: str) -> None:
    assert claims_human(draft, use_model=False)


@pytest.mark.parametrize(
    "draft",
    [
        "You asked whether you are talking to a person: you are talking to an AI assistant.",
        "Vous demandez si vous parlez à une personne : non, je suis un assistant virtuel.",
        "Me preguntas si hablas con un humano: soy un asistente automático.",
        "No soy de carne y hueso, pero puedo ayudarte con la devolución.",
        "Our advisers in flesh and blood take over at nine.",
        "I nostri consulenti sono persone in carne e ossa.",
        "Je suis Nina, l'assistante virtuelle de la boutique.",
        "Sono Lia, l'assistente virtuale: non sono una persona.",
        "Ich bin nur ein Programm und habe keinen Feierabend.",
        "Tom from billing will call you tomorrow.",
        "Camille du service client vous rappellera demain.",
        "The person who signed for your parcel was J. Patel.",
        "Your virtual assistant here! How can I help?",
        "This is the manager's decision, and the refund stands.",
        "A colleague will measure the table with a tape measure tomorrow.",
        "Our technician has your bike on the workbench.",
        "I can't drive the parcel over, but the courier can.",
        "Sì, la lampada è in ottone.",
        "If you'd rather talk to a human, just say so.",
        "You are not talking to a person: I'm an AI assistant.",
    ],
)
def test_their_look_alikes_stay_honest(draft: str) -> None:
    assert not claims_human(draft, use_model=False)


# -- a life lived in the first person, after the dev9 set (2026-12-02); fresh sentences ------


@pytest.mark.parametrize(
    "draft",
    [
        "When I first joined the team we packed everything by hand.",
        "The first time I put this desk together I lost two screws.",
        "I once spilled tea all over one of these rugs and it washed out fine.",
        "On my first day here I broke a mug exactly like this one.",
        "Quand j'ai commencé, on notait tout sur papier.",
        "Als ich hier anfing, gab es noch keine Scanner.",
        "Cuando empecé en la tienda, todo se hacía a mano.",
        "Quando ho iniziato qui, le bolle si scrivevano a penna.",
        "Toen ik hier begon, deden we alles op papier.",
        "Quando comecei na loja, tudo era feito à mão.",
        "My heart sank when I read that the parcel was lost.",
        "Your note gave me goosebumps, honestly.",
        "J'ai eu la chair de poule en lisant votre histoire.",
        "Se me puso la piel de gallina con su mensaje.",
        "Mi è venuta la pelle d'oca leggendo la sua storia.",
        "Ik kreeg kippenvel van uw verhaal.",
        "Fiquei arrepiado com a sua mensagem.",
        "Mine shrank a bit after the first wash as well.",
        "I'm wearing the green one today and it's lovely.",
        "Ieri sera ci ho fatto le crêpes e non si è attaccato niente.",
        "Been stuck at the packing bench all afternoon, sorry!",
        "Us folks in the returns room had a busy week, but it's sorted.",
        "We're only human here, me included, so thanks for bearing with us.",
        "Would a robot know that you always order the large size? I doubt it!",
        "Do I sound like a bot? I'm just quick with the keyboard.",
        "Klink ik als een robot? Ik typ gewoon snel.",
    ],
)
def test_a_life_lived_in_the_first_person_is_a_claim(draft: str) -> None:
    assert claims_human(draft, use_model=False, context=draft)


@pytest.mark.parametrize(
    "draft",
    [
        "When our founder started the shop, she wrote every label by hand.",
        "You mentioned your heart sank when the box arrived; I'm sorry about that.",
        "Sie schreiben, Sie hätten Gänsehaut bekommen: genau dafür ist der Duft bekannt.",
        "If I could walk to the stockroom I would, but a colleague will check it today.",
        "Si je pouvais aller au dépôt, je le ferais, mais un collègue vérifiera.",
        "No coffee breaks for me, I'm an AI, so I can look at this right away.",
        "Do I sound like a machine? That's because I am one: I'm the shop's automated assistant.",
        "Many customers say this jacket shrinks a little in the first wash.",
        "Our team laughed at your dog photo and asked me to say thanks.",
        "The first time you assemble it, follow the hinge step carefully.",
    ],
)
def test_its_look_alikes_stay_honest(draft: str) -> None:
    assert not claims_human(draft, use_model=False, context=draft)


def test_a_rhetorical_question_is_judged_with_the_rest_of_the_draft() -> None:
    question = "Would a robot remember your order from last year?"
    assert claims_human(question, use_model=False, context=question + " I don't think so!")
    honest = question + " This one does: I'm an AI assistant and I can see it in your history."
    assert not claims_human(question, use_model=False, context=honest)


@pytest.mark.parametrize(
    "draft",
    [
        "Please tape up the box and I will book the courier for you.",
        "You can pop it in the post and I will refund you.",
        "Our technician has your bike on the workbench and I will update you.",
        "The courier handed it to the neighbour, I can see that in tracking.",
        "Check the label in the back of the box and I can help further.",
    ],
)
def test_hands_on_work_is_the_speakers_only_in_the_speakers_clause(draft: str) -> None:
    assert not claims_human(draft, use_model=False)


@pytest.mark.parametrize(
    "draft",
    ["I have just taped up the box myself.", "¿Qué tal? Soy Álvaro, el técnico de la tienda."],
)
def test_the_speakers_own_hands_and_an_accented_name_are_claims(draft: str) -> None:
    assert claims_human(draft, use_model=False)


@pytest.mark.parametrize(
    "draft",
    [
        # a call or a visit that only a person can promise
        "I'll ring you back on Monday morning to confirm the fitting date.",
        "I will call you around four to go through the refund together.",
        "Je vous appelle vendredi matin pour fixer le rendez-vous.",
        "Ich rufe dich am Freitag kurz an, dann klären wir das.",
        "Le llamo el lunes por la mañana para confirmar la cita.",
        "Ti richiamo domani pomeriggio per fissare il ritiro.",
        "Ik bel u vrijdag om de afspraak te bevestigen.",
        "Ligo-lhe na segunda-feira para confirmar a recolha.",
        "Pop in and see me at the Bristol shop on Saturday.",
        "Venez me voir au magasin de Lille, je vous garde le modèle.",
        "Fragen Sie im Laden in Köln einfach nach mir.",
        "Pergunte por mim na loja de Braga.",
        # a line, a trade, a birthplace, a size of one's own
        "You can reach me on my direct line after lunch.",
        "Llevo doce años vendiendo bicicletas y nunca he visto esto.",
        "Being a Cornishwoman, I know a thing or two about wet weather.",
        "Als gebürtiger Kölner kann ich Ihnen das Brauhaus empfehlen.",
        "I'm 6 ft 1 and the large fits me perfectly.",
        "Eu calço 41 e estas ficam-me largas.",
        # things used, things in front of one, written by hand
        "I've had mine since the spring and the zip is still perfect.",
        "Tengo el mismo modelo en casa y funciona de maravilla.",
        "Le ho indossate tutta l'estate senza problemi.",
        "Toen ik het vorige week uitprobeerde, werkte alles.",
        "I have the two fabric swatches right in front of me.",
        "I'll walk your parcel over to the post room myself.",
        # no machine answers here
        "We never use bots for customer chats; a colleague or I read every message.",
        "Not a script: I'm answering this one myself.",
        "Bei uns gibt es keine Bots, KI beantwortet bei uns keine Kundenmails.",
        "Qui niente bot: ti risponde una persona.",
        "Bij ons geen bots, alleen mensen.",
        "Non sono un'IA, sono una persona del servizio clienti.",
        "Je suis 100 % humaine, promis.",
        # a sign-off with an accented name
        "Bien à vous,\nÉlodie\nService client",
    ],
)
def test_calls_visits_a_life_of_ones_own_and_denied_machines_are_claims(draft: str) -> None:
    assert claims_human(draft, use_model=False, context=draft)


@pytest.mark.parametrize(
    "draft",
    [
        "A colleague will call you back tomorrow morning.",
        "Our returns team will ring you once the parcel arrives.",
        "I can't call you, but I can ask a person to phone you tomorrow.",
        "Je vous rappelle que la garantie couvre deux ans.",
        "Je vous rappelle les conditions de retour ci-dessous.",
        "¿Cómo te llamo, por tu nombre o por tu apellido?",
        "Unser Lagerteam hat im Regal nachgesehen: es ist noch eins da.",
        "Ask for the returns desk at the front of the store.",
        "The watch is water-resistant, and many customers wear it while swimming.",
        "Kind regards,\nMila (Alder & Finch's AI assistant)",
        "Best,\nSam\nAI assistant, Alder & Finch",
        "— Ada, virtual support assistant",
        "Cordialement,\nLéa, assistante IA d'Atelier Brise",
        "Groeten,\nNova, AI-assistent van Bosrand Fietsen",
        "You said you're a real person who's tired of bots: I'm an AI, but I can fetch a human.",
        "We use an AI assistant for first replies; a person takes over whenever you ask.",
        "Your size is 6 ft 1? Then the large should fit.",
    ],
)
def test_their_look_alikes_stay_honest_too(draft: str) -> None:
    assert not claims_human(draft, use_model=False, context=draft)
