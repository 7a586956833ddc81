package ml.sdn.registration.attendance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlacesTest {

    @Test
    void a_day_shows_the_places_it_has_left() {
        Places places = new Places(10, 7);

        assertThat(places.left()).isEqualTo(3);
        assertThat(places.overbooked()).isZero();
    }

    @Test
    void a_full_day_has_no_place_left() {
        Places places = new Places(10, 10);

        assertThat(places.left()).isZero();
    }

    @Test
    void a_capacity_lowered_below_the_confirmed_count_shows_no_negative_places_but_the_overbooking() {
        // 12 confirmed, then the room changed for one holding 8: nobody is removed, nobody new gets in
        Places places = new Places(8, 12);

        assertThat(places.left()).isZero();
        assertThat(places.overbooked()).isEqualTo(4);
    }
}
