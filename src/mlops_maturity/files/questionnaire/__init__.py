"""A questionnaire from disk: the shipped one (from its checked snapshot) or a folder of the user's."""
