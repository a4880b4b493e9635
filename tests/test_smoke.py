from django.urls import reverse


def test_it_shows_home_to_a_front_office_persona(world, client_for):
    response = client_for(world.alice).get(reverse("home"))
    assert response.status_code == 200
    assert b"Lincoln Elementary" in response.content


def test_it_refuses_home_to_the_outsider(world, client_for):
    assert client_for(world.oscar).get(reverse("home")).status_code == 403
