"""Common first names in France (folded: lowercase, no accents), to tell people from places.

Compound names ("Jean-Louis") are matched on their first part, so only simple
names are listed. Extend freely: a missing name only means a missed speaker.
"""

FIRST_NAMES = frozenset("""
aaron abdel abdelkader abdou abdoulaye abel achille adam adele adeline adrien adrienne agathe agnes ahmed aicha
aida aimee alain alban albert albertine alexandra alexandre alexandrine alexia alexis alfred ali alice alicia aline
alix amandine amaury ambre amelie amine amira amy anais anastasia andre andrea andree ange angela angele angelique
anissa anna annabelle anne annette annick annie anouk antoine antoinette antonin apolline arianne ariane arlette
armand armelle arnaud arthur astrid aude audrey augustin aurelie aurelien aurore axel axelle aymeric baptiste
barbara bastien beatrice benedicte benjamin benoit benoite bernadette bernard bertrand blandine blanche boris
brice brigitte bruno camille carine carla carole caroline catherine cecile celestin celine chantal charles charlotte
chloe christelle christian christiane christine christophe claire clara clarisse claude claudette claudine clemence
clement clotilde colette coline colin corentin corinne cristina cyril cyrille damien daniel daniele danielle david
delphine denis denise diane didier dimitri dominique dorothee edith edmond edouard eleonore elia elisabeth elisabetta
elise elodie eloise elsa emile emilie emma emmanuel emmanuelle eric erwan estelle esther etienne eugene eugenie eva
evelyne eve fabien fabienne fabrice fanny farid fatima fatou fatoumata felix fernand fernande florence florent
florian francine francis franck francois francoise frederic frederique gabriel gabrielle gael gaelle gaetan
genevieve georges gerald geraldine gerard gerome ghislaine gilbert gilles ginette gisele gregoire gregory guillaume
guy gwenaelle gwendoline habib hamid hector helene henri henriette herve hugo hugues ibrahim ines irene isabelle
jacqueline jacques jean jeanne jeannine jennifer jeremie jeremy jerome joel joelle johanna jonathan jordan joseph
josephine josette jules julia julie julien juliette justine karim karima karine kevin khadija laetitia lara laura
laure laurence laurent lea leila leo leon leonie line lionel lisa lise loic louis louise luc luca lucas lucie
lucien lucienne lucile ludivine ludovic lydie madeleine magali malika manon marc marcel marceline margaux margot
marguerite maria marianne marie marielle marina marine mario marion marius marjorie marlene marthe martin martine
mathias mathieu mathilde matthieu maud maurice max maxime melanie melissa mehdi michel michele micheline mireille
mohamed monique morgane muriel mylene myriam nadege nadia nadine nathalie nathan nicolas nicole noemie noel noelle
oceane odette odile olivia olivier omar oscar pascal pascale patrice patricia patrick paul paule pauline perrine
philippe pierre pierrette quentin rachel rachid raphael raphaelle raymond rebecca regine remi remy renaud rene
renee richard robert robin rodolphe roger roland romain romane rose rosine sabine sabrina sacha salome samia samir
samuel sandra sandrine sarah sebastien serge severine simon simone solange solene sonia sophie stephane stephanie
suzanne sylvain sylvie sylviane tatiana theo theophile therese thibault thibaut thierry thomas tristan valentin
valentine valerie vanessa veronique victor victoria vincent violaine virginie viviane vivien xavier yann yannick
yasmina yasmine yolande youssef yves yvette yvonne zoe zohra
adelaide adelie agate albane alienor aloise alphonse amandine ambroise anatole angelina anouck antonia apolline
armelle arsene aure aurele axelle bastienne baudouin benedict berenice berengere bertille brendan brieuc capucine
cassandre celestine cesar charlene clelia clementine clothilde coralie corinne cyprien daphne deborah delia denise
diego dorian edwige elea eliane elie eliott elisa ella eloi elouan emeric enzo ernest erwann esteban ethan eugenie
evan ewen fabiola fanch fantine faustine felicie fleur flora gaspard gauthier gautier gersende ghislain gildas gisele
gwenael gwenaelle gwenn gwladys hadrien helena heloise hermine hippolyte honorine hortense ilona ingrid isaure
iris jade jean-baptiste jocelyne joris josiane judith justin kenza killian klervi lazare leane leandre leonard
leontine lilian lily lina lisa loane lorraine louna lou lucille ludmila luna lydia lyes maelle maelys maelys maiwenn
malo manuel marcelle margot marilou marius marjolaine marwan matheo maylis melchior melodie mila milena mona
morgan myriam nadja nael naima nelly nils nina ninon noam noa norbert octave octavie oriane orianne ophelie
oscar pablo paloma pauline perrine philomene prosper quitterie rayan regis rodrigue romeo rosalie ruben sabine
salim sandrine segolene servane sidonie siham soizic solenn sophia stanislas sybille sylvestre tanguy tessa thais
thibaud timothee titouan tiphaine typhaine ulysse ursule valery vianney victoire victorine vivienne wandrille
wassim yael yaelle yanis yannig yoann yohann youna yves-marie zelie
""".split())
