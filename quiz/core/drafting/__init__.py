"""Drafting a bank from a plain-text article: finding its dates, measures and quotations, and
writing them as questions an author rewords and prunes (`quiz draft`)."""
