"""Russian: word lists (``*.txt``), morphology (pymorphy3), the NER model (natasha's slovnet),
and extraction of the same facts as for Kazakh (:func:`qogam.nlp.ru.pipeline.extract_russian`).
"""
