# ruff: noqa: E501 - the texts are prose: one paragraph or list item per line, as families read them.
"""The notices a district starts from, in the five languages Threshold ships, and the few words
of the public page around them.

These are starting texts, not advice: each district edits them, and no text is sent or published
until a person at the district has reviewed that language's version. Placeholders in braces are
filled in from the district's settings and, for a notice about one student, from that matter.

Text format: paragraphs separated by a blank line; a line starting with "- " is an item of a list.
"""

from __future__ import annotations

from dataclasses import dataclass

# Language code -> the language's own name, in the order the public page lists them.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Español",
    "pt": "Português",
    "ht": "Kreyòl ayisyen",
    "pl": "Polski",
}

# What every notice may use, and what a notice about one student adds.
DISTRICT_PLACEHOLDERS = frozenset(
    {"district", "contact_name", "contact_phone", "contact_email", "website"}
)
RECORDS_PLACEHOLDERS = DISTRICT_PLACEHOLDERS | {
    "student",
    "school",
    "requester",
    "document",
    "reference",
    "records",
    "release_date",
}
VISIT_PLACEHOLDERS = DISTRICT_PLACEHOLDERS | {"student", "school", "visit_date"}


@dataclass(frozen=True)
class Default:
    subject: str
    body: str


LETTER: dict[str, Default] = {
    "en": Default(
        "Every child is welcome in our schools",
        """Dear families,

{district} educates every child who lives in our district, whatever the child's or the family's immigration status. The law requires it, as the United States Supreme Court has held, and it is our commitment to you.

What our schools do:

- We do not ask about immigration status or citizenship, and we keep no record of it.
- Student records, including names and addresses, are protected by the federal privacy law, FERPA. We release them only as that law allows. Before we release records under a subpoena or court order, we try to tell you first, unless a court forbids it.
- Every visitor, including any officer, follows the same front-office procedure: they sign in, show identification and wait in the reception area.
- If an officer comes to a school, a designated school official asks for identification and for any warrant signed by a judge, and contacts the district's lawyers. An administrative warrant signed by an agency official is not a judicial warrant and does not open the areas of a school that are closed to the public. Our staff will not obstruct a lawful order.
- Our staff receive refresher training on these procedures.

If you have a question, please call {contact_name} at {contact_phone} or write to {contact_email}.

Sincerely,
{contact_name}
{district}""",
    ),
    "es": Default(
        "Todos los niños son bienvenidos en nuestras escuelas",
        """Estimadas familias:

{district} educa a todos los niños que viven en nuestro distrito, sea cual sea la situación migratoria del niño o de su familia. Así lo exige la ley, como ha resuelto la Corte Suprema de los Estados Unidos, y es nuestro compromiso con ustedes.

Lo que hacen nuestras escuelas:

- No preguntamos por la situación migratoria ni por la ciudadanía, y no guardamos ningún registro de ellas.
- Los expedientes de los estudiantes, incluidos los nombres y las direcciones, están protegidos por la ley federal de privacidad FERPA. Solo los entregamos en los casos que esa ley permite. Antes de entregar expedientes por una citación judicial o una orden de un tribunal, intentamos avisarles primero, salvo que un tribunal lo prohíba.
- Todo visitante, incluido cualquier agente, sigue el mismo procedimiento en la recepción: se registra, muestra su identificación y espera en la zona de recepción.
- Si un agente viene a una escuela, un funcionario designado de la escuela le pide su identificación y cualquier orden firmada por un juez, y se comunica con los abogados del distrito. Una orden administrativa firmada por un funcionario de una agencia no es una orden judicial y no abre las áreas de la escuela que están cerradas al público. Nuestro personal no obstaculizará una orden legal.
- Nuestro personal recibe capacitación periódica sobre estos procedimientos.

Si tienen alguna pregunta, llamen a {contact_name} al {contact_phone} o escriban a {contact_email}.

Atentamente,
{contact_name}
{district}""",
    ),
    "pt": Default(
        "Todas as crianças são bem-vindas nas nossas escolas",
        """Prezadas famílias,

{district} educa todas as crianças que moram no nosso distrito, qualquer que seja a situação migratória da criança ou da família. A lei exige isso, conforme decidiu a Suprema Corte dos Estados Unidos, e esse é o nosso compromisso com vocês.

O que as nossas escolas fazem:

- Não perguntamos sobre situação migratória nem cidadania, e não mantemos nenhum registro disso.
- Os registros escolares dos alunos, incluindo nomes e endereços, são protegidos pela lei federal de privacidade FERPA. Só os divulgamos nos casos permitidos por essa lei. Antes de divulgar registros por causa de uma intimação ou ordem judicial, procuramos avisar vocês primeiro, a menos que um tribunal o proíba.
- Todo visitante, inclusive qualquer agente, segue o mesmo procedimento na secretaria: registra a entrada, apresenta identificação e aguarda na recepção.
- Se um agente vier a uma escola, um responsável designado da escola pede a identificação e qualquer mandado assinado por um juiz, e entra em contato com os advogados do distrito. Um mandado administrativo assinado por um funcionário de uma agência não é um mandado judicial e não dá acesso às áreas da escola fechadas ao público. A nossa equipe não obstruirá uma ordem legal.
- A nossa equipe recebe treinamento periódico sobre estes procedimentos.

Se tiverem alguma dúvida, liguem para {contact_name} no número {contact_phone} ou escrevam para {contact_email}.

Atenciosamente,
{contact_name}
{district}""",
    ),
    "ht": Default(
        "Tout timoun byenveni nan lekòl nou yo",
        """Chè fanmi,

{district} bay tout timoun ki rete nan distrik nou an edikasyon, kèlkeswa sitiyasyon imigrasyon timoun nan oswa fanmi li. Lalwa mande sa, jan Kou Siprèm Etazini te deside, epi se angajman nou pran avè nou.

Sa lekòl nou yo fè:

- Nou pa poze kesyon sou sitiyasyon imigrasyon oswa sitwayènte, epi nou pa kenbe okenn dosye sou sa.
- Dosye elèv yo, tankou non ak adrès, pwoteje pa lwa federal sou vi prive a, FERPA. Nou bay dosye yo sèlman jan lwa sa a pèmèt. Anvan nou bay dosye akoz yon sitasyon oswa yon lòd tribinal, nou eseye avèti nou anvan, sòf si yon tribinal entèdi sa.
- Tout vizitè, menm yon ofisye, swiv menm pwosedi nan biwo resepsyon an: yo siyen antre, yo montre idantifikasyon yo epi yo tann nan zòn resepsyon an.
- Si yon ofisye vini nan yon lekòl, yon responsab lekòl la deziyen mande l idantifikasyon l ak nenpòt manda yon jij siyen, epi li kontakte avoka distrik la. Yon manda administratif yon ofisyèl yon ajans siyen se pa yon manda jidisyè, epi li pa louvri pati nan lekòl la ki fèmen pou piblik la. Anplwaye nou yo p ap anpeche yon lòd legal.
- Anplwaye nou yo resevwa fòmasyon regilye sou pwosedi sa yo.

Si nou gen yon kesyon, tanpri rele {contact_name} nan {contact_phone} oswa ekri nan {contact_email}.

Avèk respè,
{contact_name}
{district}""",
    ),
    "pl": Default(
        "Każde dziecko jest mile widziane w naszych szkołach",
        """Drodzy Rodzice i Opiekunowie,

{district} kształci każde dziecko mieszkające w naszym okręgu, bez względu na status imigracyjny dziecka lub jego rodziny. Wymaga tego prawo, jak orzekł Sąd Najwyższy Stanów Zjednoczonych, i jest to nasze zobowiązanie wobec Państwa.

Co robią nasze szkoły:

- Nie pytamy o status imigracyjny ani o obywatelstwo i nie prowadzimy żadnych zapisów na ten temat.
- Dokumentacja uczniów, w tym imiona, nazwiska i adresy, jest chroniona federalną ustawą o ochronie prywatności FERPA. Udostępniamy ją tylko w przypadkach dozwolonych przez tę ustawę. Zanim udostępnimy dokumentację na podstawie wezwania lub nakazu sądu, staramy się najpierw Państwa powiadomić, chyba że sąd tego zabroni.
- Każdy odwiedzający, w tym każdy funkcjonariusz, przechodzi tę samą procedurę w sekretariacie: wpisuje się, okazuje dokument tożsamości i czeka w recepcji.
- Jeśli do szkoły przyjdzie funkcjonariusz, wyznaczony pracownik szkoły prosi o dokument tożsamości i o nakaz podpisany przez sędziego oraz kontaktuje się z prawnikami okręgu. Nakaz administracyjny podpisany przez urzędnika agencji nie jest nakazem sądowym i nie otwiera dostępu do części szkoły zamkniętych dla publiczności. Nasi pracownicy nie będą utrudniać wykonania zgodnego z prawem nakazu.
- Nasi pracownicy przechodzą regularne szkolenia z tych procedur.

W razie pytań prosimy dzwonić do: {contact_name}, tel. {contact_phone}, lub pisać na adres {contact_email}.

Z poważaniem
{contact_name}
{district}""",
    ),
}

PROCEDURES: dict[str, Default] = {
    "en": Default(
        "What our schools do when a visitor or an officer comes",
        """Every school of {district} follows the same written procedure.

- Every visitor signs in at the front office. We check identification, print a visitor badge and keep a list of who is in the building.
- We do not ask any visitor, student or family about immigration status or citizenship.
- An officer who comes to a school is asked to wait in the reception area, to give their name, badge or ID number, telephone number and a business card, and to speak with the school's designated official.
- The designated official asks whether the officer has a warrant signed by a judge, reads it, and contacts the district's lawyers. An administrative warrant (for example DHS forms I-200 or I-205) is not signed by a judge and does not open areas closed to the public.
- Student information is released only as the federal privacy law, FERPA, allows.
- Our staff never obstruct a lawful order, and never physically resist an officer.
- When a matter concerns your child, we contact you, unless a court order forbids it.

Questions: {contact_name}, {contact_phone}, {contact_email}.""",
    ),
    "es": Default(
        "Lo que hacen nuestras escuelas cuando llega un visitante o un agente",
        """Todas las escuelas de {district} siguen el mismo procedimiento escrito.

- Todo visitante se registra en la recepción. Revisamos su identificación, imprimimos un gafete de visitante y llevamos una lista de quién está en el edificio.
- No preguntamos a ningún visitante, estudiante o familia por su situación migratoria ni por su ciudadanía.
- A un agente que viene a una escuela se le pide que espere en la zona de recepción, que dé su nombre, su número de placa o de identificación, su teléfono y una tarjeta de presentación, y que hable con el funcionario designado de la escuela.
- El funcionario designado pregunta si el agente tiene una orden firmada por un juez, la lee y se comunica con los abogados del distrito. Una orden administrativa (por ejemplo, los formularios I-200 o I-205 del DHS) no está firmada por un juez y no abre las áreas cerradas al público.
- La información de los estudiantes solo se entrega en los casos que permite la ley federal de privacidad FERPA.
- Nuestro personal nunca obstaculiza una orden legal y nunca se resiste físicamente a un agente.
- Cuando un asunto tiene que ver con su hijo o hija, nos comunicamos con usted, salvo que una orden judicial lo prohíba.

Preguntas: {contact_name}, {contact_phone}, {contact_email}.""",
    ),
    "pt": Default(
        "O que as nossas escolas fazem quando chega um visitante ou um agente",
        """Todas as escolas de {district} seguem o mesmo procedimento escrito.

- Todo visitante registra a entrada na secretaria. Verificamos a identificação, imprimimos um crachá de visitante e mantemos uma lista de quem está no prédio.
- Não perguntamos a nenhum visitante, aluno ou família sobre situação migratória ou cidadania.
- Um agente que vem a uma escola é convidado a aguardar na recepção, a informar o nome, o número do distintivo ou da identificação, o telefone e um cartão de visita, e a falar com o responsável designado da escola.
- O responsável designado pergunta se o agente tem um mandado assinado por um juiz, lê o documento e entra em contato com os advogados do distrito. Um mandado administrativo (por exemplo, os formulários I-200 ou I-205 do DHS) não é assinado por um juiz e não dá acesso às áreas fechadas ao público.
- As informações dos alunos só são divulgadas nos casos permitidos pela lei federal de privacidade FERPA.
- A nossa equipe nunca obstrui uma ordem legal e nunca resiste fisicamente a um agente.
- Quando um assunto diz respeito ao seu filho ou filha, entramos em contato com você, a menos que uma ordem judicial o proíba.

Dúvidas: {contact_name}, {contact_phone}, {contact_email}.""",
    ),
    "ht": Default(
        "Sa lekòl nou yo fè lè yon vizitè oswa yon ofisye vini",
        """Tout lekòl {district} swiv menm pwosedi ekri a.

- Tout vizitè siyen antre nan biwo resepsyon an. Nou tcheke idantifikasyon yo, nou enprime yon badj vizitè epi nou kenbe yon lis moun ki nan bilding lan.
- Nou pa janm mande okenn vizitè, elèv oswa fanmi sou sitiyasyon imigrasyon oswa sitwayènte.
- Lè yon ofisye vini nan yon lekòl, nou mande l tann nan zòn resepsyon an, bay non l, nimewo badj oswa idantifikasyon l, nimewo telefòn li ak yon kat biznis, epi pale ak responsab lekòl la deziyen.
- Responsab deziyen an mande si ofisye a gen yon manda yon jij siyen, li li l, epi li kontakte avoka distrik la. Yon manda administratif (pa egzanp fòm I-200 oswa I-205 DHS) pa siyen pa yon jij epi li pa louvri pati ki fèmen pou piblik la.
- Nou bay enfòmasyon sou elèv sèlman jan lwa federal sou vi prive a, FERPA, pèmèt.
- Anplwaye nou yo pa janm anpeche yon lòd legal, epi yo pa janm reziste fizikman kont yon ofisye.
- Lè yon ka konsène pitit ou, nou kontakte w, sòf si yon lòd tribinal entèdi sa.

Kesyon: {contact_name}, {contact_phone}, {contact_email}.""",
    ),
    "pl": Default(
        "Co robią nasze szkoły, gdy przychodzi gość lub funkcjonariusz",
        """Wszystkie szkoły {district} stosują tę samą spisaną procedurę.

- Każdy odwiedzający wpisuje się w sekretariacie. Sprawdzamy dokument tożsamości, drukujemy identyfikator gościa i prowadzimy listę osób przebywających w budynku.
- Nie pytamy żadnego gościa, ucznia ani rodziny o status imigracyjny ani o obywatelstwo.
- Funkcjonariusza, który przychodzi do szkoły, prosimy, aby zaczekał w recepcji, podał imię i nazwisko, numer odznaki lub legitymacji, numer telefonu i wizytówkę oraz rozmawiał z wyznaczonym pracownikiem szkoły.
- Wyznaczony pracownik pyta, czy funkcjonariusz ma nakaz podpisany przez sędziego, czyta go i kontaktuje się z prawnikami okręgu. Nakaz administracyjny (na przykład formularze DHS I-200 lub I-205) nie jest podpisany przez sędziego i nie otwiera dostępu do części zamkniętych dla publiczności.
- Informacje o uczniach udostępniamy tylko w przypadkach dozwolonych przez federalną ustawę o ochronie prywatności FERPA.
- Nasi pracownicy nigdy nie utrudniają wykonania zgodnego z prawem nakazu i nigdy nie stawiają fizycznego oporu funkcjonariuszowi.
- Gdy sprawa dotyczy Państwa dziecka, kontaktujemy się z Państwem, chyba że zabrania tego nakaz sądu.

Pytania: {contact_name}, {contact_phone}, {contact_email}.""",
    ),
}

RECORDS_NOTICE: dict[str, Default] = {
    "en": Default(
        "Notice before the release of student records",
        """Dear parent or guardian, or student,

{district} has received {document} (reference {reference}) from {requester}, asking for records of {student} at {school}.

The records asked for: {records}.

Federal law (FERPA, 34 CFR 99.31(a)(9)(ii)) allows a school to comply with a lawful subpoena or court order after it has made a reasonable effort to tell you first, so that you may ask the court for protection if you wish. Unless a court directs otherwise, the district will release these records on or after {release_date}.

You may wish to speak with a lawyer. If you have a question, call {contact_name} at {contact_phone} or write to {contact_email}.""",
    ),
    "es": Default(
        "Aviso antes de entregar expedientes de un estudiante",
        """Estimado padre, madre o tutor, o estimado estudiante:

{district} ha recibido {document} (referencia {reference}) de {requester}, en la que se piden expedientes de {student} en {school}.

Los expedientes que se piden: {records}.

La ley federal (FERPA, 34 CFR 99.31(a)(9)(ii)) permite que una escuela cumpla con una citación o una orden judicial legal después de hacer un esfuerzo razonable por avisarle primero, para que usted pueda pedir protección al tribunal si lo desea. Salvo que un tribunal indique otra cosa, el distrito entregará estos expedientes a partir del {release_date}.

Quizá desee hablar con un abogado. Si tiene alguna pregunta, llame a {contact_name} al {contact_phone} o escriba a {contact_email}.""",
    ),
    "pt": Default(
        "Aviso antes da divulgação de registros escolares",
        """Prezado pai, mãe ou responsável, ou prezado aluno,

{district} recebeu {document} (referência {reference}) de {requester}, pedindo registros de {student} na escola {school}.

Os registros pedidos: {records}.

A lei federal (FERPA, 34 CFR 99.31(a)(9)(ii)) permite que uma escola cumpra uma intimação ou ordem judicial legal depois de fazer um esforço razoável para avisar você primeiro, para que você possa pedir proteção ao tribunal, se quiser. A menos que um tribunal determine outra coisa, o distrito divulgará estes registros a partir de {release_date}.

Talvez você queira falar com um advogado. Se tiver alguma dúvida, ligue para {contact_name} no número {contact_phone} ou escreva para {contact_email}.""",
    ),
    "ht": Default(
        "Avi anvan nou bay dosye yon elèv",
        """Chè paran oswa responsab, oswa chè elèv,

{district} resevwa {document} (referans {reference}) nan men {requester}, ki mande dosye {student} nan {school}.

Dosye yo mande yo: {records}.

Lwa federal la (FERPA, 34 CFR 99.31(a)(9)(ii)) pèmèt yon lekòl obeyi yon sitasyon oswa yon lòd tribinal legal apre li fin fè yon efò rezonab pou l avèti w anvan, pou w ka mande tribinal la pwoteksyon si w vle. Sòf si yon tribinal di yon lòt bagay, distrik la ap bay dosye sa yo apati {release_date}.

Ou ka vle pale ak yon avoka. Si w gen yon kesyon, rele {contact_name} nan {contact_phone} oswa ekri nan {contact_email}.""",
    ),
    "pl": Default(
        "Zawiadomienie przed udostępnieniem dokumentacji ucznia",
        """Szanowni Rodzice lub Opiekunowie, Szanowny Uczniu,

{district} otrzymał {document} (sygnatura {reference}) od: {requester}, z prośbą o dokumentację ucznia {student} w szkole {school}.

Żądana dokumentacja: {records}.

Prawo federalne (FERPA, 34 CFR 99.31(a)(9)(ii)) pozwala szkole zastosować się do zgodnego z prawem wezwania lub nakazu sądu po podjęciu rozsądnej próby wcześniejszego powiadomienia Państwa, aby mogli Państwo, jeśli zechcą, zwrócić się do sądu o ochronę. O ile sąd nie postanowi inaczej, okręg udostępni tę dokumentację nie wcześniej niż {release_date}.

Warto rozważyć rozmowę z prawnikiem. W razie pytań prosimy dzwonić do: {contact_name}, tel. {contact_phone}, lub pisać na adres {contact_email}.""",
    ),
}

VISIT_NOTICE: dict[str, Default] = {
    "en": Default(
        "An officer's visit to school concerning your child",
        """Dear parent or guardian, or student,

On {visit_date}, an officer came to {school} and asked about {student}.

The school followed the procedure of {district}: a designated school official met the officer in the reception area, asked for identification and for any warrant, and contacted the district's lawyers.

Please call {contact_name} at {contact_phone} or write to {contact_email}. We will tell you what we can about the visit and answer your questions.""",
    ),
    "es": Default(
        "Visita de un agente a la escuela relacionada con su hijo o hija",
        """Estimado padre, madre o tutor, o estimado estudiante:

El {visit_date}, un agente vino a {school} y preguntó por {student}.

La escuela siguió el procedimiento de {district}: un funcionario designado de la escuela recibió al agente en la zona de recepción, le pidió su identificación y cualquier orden, y se comunicó con los abogados del distrito.

Llame a {contact_name} al {contact_phone} o escriba a {contact_email}. Le contaremos lo que podamos sobre la visita y responderemos a sus preguntas.""",
    ),
    "pt": Default(
        "Visita de um agente à escola relacionada ao seu filho ou filha",
        """Prezado pai, mãe ou responsável, ou prezado aluno,

Em {visit_date}, um agente veio à escola {school} e perguntou por {student}.

A escola seguiu o procedimento de {district}: um responsável designado da escola recebeu o agente na recepção, pediu a identificação e qualquer mandado, e entrou em contato com os advogados do distrito.

Ligue para {contact_name} no número {contact_phone} ou escreva para {contact_email}. Contaremos o que pudermos sobre a visita e responderemos às suas perguntas.""",
    ),
    "ht": Default(
        "Yon ofisye te vizite lekòl la konsènan pitit ou",
        """Chè paran oswa responsab, oswa chè elèv,

Nan dat {visit_date}, yon ofisye te vini nan {school} epi li te poze kesyon sou {student}.

Lekòl la te swiv pwosedi {district}: yon responsab lekòl la deziyen te resevwa ofisye a nan zòn resepsyon an, li te mande l idantifikasyon l ak nenpòt manda, epi li te kontakte avoka distrik la.

Tanpri rele {contact_name} nan {contact_phone} oswa ekri nan {contact_email}. N ap di w sa nou kapab sou vizit la epi n ap reponn kesyon ou yo.""",
    ),
    "pl": Default(
        "Wizyta funkcjonariusza w szkole w sprawie Państwa dziecka",
        """Szanowni Rodzice lub Opiekunowie, Szanowny Uczniu,

W dniu {visit_date} do szkoły {school} przyszedł funkcjonariusz i pytał o ucznia {student}.

Szkoła postąpiła zgodnie z procedurą {district}: wyznaczony pracownik szkoły przyjął funkcjonariusza w recepcji, poprosił o dokument tożsamości i o ewentualny nakaz oraz skontaktował się z prawnikami okręgu.

Prosimy zadzwonić do: {contact_name}, tel. {contact_phone}, lub napisać na adres {contact_email}. Przekażemy tyle informacji o wizycie, ile możemy, i odpowiemy na Państwa pytania.""",
    ),
}

# The words of the public page around the notices, in each language.
PAGE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "languages": "Languages",
        "print": "Print or download (PDF)",
        "contact": "Questions",
    },
    "es": {
        "languages": "Idiomas",
        "print": "Imprimir o descargar (PDF)",
        "contact": "Preguntas",
    },
    "pt": {
        "languages": "Idiomas",
        "print": "Imprimir ou baixar (PDF)",
        "contact": "Dúvidas",
    },
    "ht": {
        "languages": "Lang",
        "print": "Enprime oswa telechaje (PDF)",
        "contact": "Kesyon",
    },
    "pl": {
        "languages": "Języki",
        "print": "Wydrukuj lub pobierz (PDF)",
        "contact": "Pytania",
    },
}
